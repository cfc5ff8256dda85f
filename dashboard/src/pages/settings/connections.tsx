import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, request } from '../../api/client';
import type { LangfuseConnection, LangfuseConnectionCheck } from '../../api/admin-types';
import { ConfirmDialog } from '../../components/dialogs';
import { Icon } from '../../components/icons';
import { Badge, Card, Skeleton } from '../../components/ui';
import { formatDateTime } from '../../lib/format';
import { formatWhen } from '../../lib/when';
import { useApi } from '../../lib/use-api';
import { SectionError, SettingsHeader } from './settings-header';

const STATE: Record<LangfuseConnection['delivery']['state'], { label: string; tone: 'good' | 'bad' | 'neutral' }> = {
  waiting: { label: 'Waiting for the first score', tone: 'neutral' },
  delivering: { label: 'Delivering', tone: 'good' },
  failing: { label: 'Failing', tone: 'bad' },
};

/** Connections to other tools: Langfuse, where feedback and ratings become scores on the traces of AI answers. */
export function ConnectionsPage() {
  const connection = useApi<{ data: LangfuseConnection | null }>('/v1/connections/langfuse');
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const current = connection.data?.data ?? null;

  const disconnect = async () => {
    setBusy(true);
    setActionError(null);
    try {
      await request('/v1/connections/langfuse', { method: 'DELETE' });
      setConfirm(false);
      connection.reload();
    } catch (error) {
      setActionError(error instanceof ApiError ? error.message : 'That did not work. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <SettingsHeader
        title="Connections"
        lede="Send what people think of your AI agent’s answers to the tools you trace it with."
      />
      {connection.error ? (
        <SectionError error={connection.error} what="Connections" onRetry={connection.reload} />
      ) : !connection.data ? (
        <Card>
          <div className="card-body">
            <Skeleton lines={4} />
          </div>
        </Card>
      ) : (
        <div className="connection-layout">
          <LangfuseForm
            key={current?.updated_at ?? 'new'}
            connection={current}
            onSaved={connection.reload}
            onDisconnect={() => {
              setActionError(null);
              setConfirm(true);
            }}
          />
          {current ? <LangfuseStatus connection={current} onRefresh={connection.reload} /> : null}
        </div>
      )}
      {confirm ? (
        <ConfirmDialog
          title="Disconnect Langfuse?"
          confirmLabel="Disconnect"
          busy={busy}
          error={actionError}
          onConfirm={() => void disconnect()}
          onCancel={() => setConfirm(false)}
        >
          Scores not sent yet are dropped, and the delivery log is deleted. Scores already in Langfuse stay there.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function LangfuseForm({
  connection,
  onSaved,
  onDisconnect,
}: {
  connection: LangfuseConnection | null;
  onSaved: () => void;
  onDisconnect: () => void;
}) {
  const [baseUrl, setBaseUrl] = useState(connection?.base_url ?? 'https://cloud.langfuse.com');
  const [publicKey, setPublicKey] = useState('');
  const [secretKey, setSecretKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^https?:\/\/\S+$/.test(baseUrl.trim()))
      return setError('Enter the Langfuse address, starting with https://.');
    if (!connection && !publicKey.trim()) return setError('Enter the project’s public key (pk-lf-…).');
    if (!connection && !secretKey.trim()) return setError('Enter the project’s secret key (sk-lf-…).');
    setSaving(true);
    setError(null);
    try {
      await request('/v1/connections/langfuse', {
        method: 'PUT',
        body: {
          base_url: baseUrl.trim(),
          ...(publicKey.trim() ? { public_key: publicKey.trim() } : {}),
          ...(secretKey.trim() ? { secret_key: secretKey.trim() } : {}),
        },
      });
      setSaved(true);
      onSaved();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The connection could not be saved. Try again.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      title="Langfuse"
      description="Each message feedback, and each rating answer of a conversation whose messages carry a trace_id, becomes a score on that trace."
    >
      <form className="card-body inline-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="langfuse-url">Langfuse address</label>
          <input
            id="langfuse-url"
            type="url"
            inputMode="url"
            value={baseUrl}
            placeholder="https://cloud.langfuse.com"
            onChange={(event) => setBaseUrl(event.target.value)}
          />
          <p className="field-hint">Langfuse Cloud (EU or US) or your own installation.</p>
        </div>
        <div className="field">
          <label htmlFor="langfuse-public-key">Public key</label>
          <input
            id="langfuse-public-key"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={publicKey}
            placeholder={connection ? `Saved: ${connection.public_key_masked}, leave empty to keep it` : 'pk-lf-…'}
            onChange={(event) => setPublicKey(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="langfuse-secret-key">Secret key</label>
          <input
            id="langfuse-secret-key"
            type="password"
            autoComplete="new-password"
            value={secretKey}
            placeholder={connection ? 'Saved: leave empty to keep it' : 'sk-lf-…'}
            onChange={(event) => setSecretKey(event.target.value)}
          />
          <p className="field-hint">Stored encrypted on the server and never shown again.</p>
        </div>
        {error ? (
          <p className="form-alert" role="alert">
            <Icon name="alert" size={15} /> {error}
          </p>
        ) : saved && connection ? (
          <p className="notice" role="status">
            <Icon name="check" size={15} /> Connection saved.
          </p>
        ) : null}
        <div className="form-actions">
          {connection ? (
            <button type="button" className="button button-ghost button-danger-text" onClick={onDisconnect}>
              <Icon name="trash" size={14} /> Disconnect
            </button>
          ) : null}
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : connection ? 'Save changes' : 'Connect Langfuse'}
          </button>
        </div>
      </form>
    </Card>
  );
}

/** "Test connection": asks Langfuse, with the saved keys, which project they belong to, and says what it answered. */
function ConnectionTest() {
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<LangfuseConnectionCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const test = async () => {
    setTesting(true);
    setError(null);
    try {
      const answer = await request<{ data: LangfuseConnectionCheck }>('/v1/connections/langfuse/test', {
        method: 'POST',
      });
      setResult(answer.data);
    } catch (caught) {
      setResult(null);
      setError(caught instanceof ApiError ? caught.message : 'The test could not run. Try again.');
    } finally {
      setTesting(false);
    }
  };
  return (
    <div className="connection-test">
      <button type="button" className="button" disabled={testing} onClick={() => void test()}>
        <Icon name="refresh" size={14} /> {testing ? 'Testing…' : 'Test connection'}
      </button>
      {error ? (
        <p className="form-alert" role="alert">
          <Icon name="alert" size={15} /> {error}
        </p>
      ) : result?.ok ? (
        <p className="notice" role="status">
          <Icon name="check" size={15} /> Langfuse took the keys: project “{result.project?.name}”.
        </p>
      ) : result ? (
        <p className="form-alert" role="alert">
          <Icon name="alert" size={15} /> {result.error}
        </p>
      ) : null}
    </div>
  );
}

function LangfuseStatus({ connection, onRefresh }: { connection: LangfuseConnection; onRefresh: () => void }) {
  const { delivery } = connection;
  const state = STATE[delivery.state];
  // Scores go out within seconds: look again while some wait.
  useEffect(() => {
    if (delivery.pending === 0) return;
    const timer = setTimeout(onRefresh, 5000);
    return () => clearTimeout(timer);
  }, [delivery.pending, onRefresh]);
  return (
    <Card
      title="Status"
      actions={<Badge tone={state.tone}>{state.label}</Badge>}
      description={`Connected ${formatWhen(connection.created_at)}`}
    >
      <div className="card-body section-stack">
        {!connection.secret_key_readable ? (
          <p className="form-alert" role="alert">
            <Icon name="alert" size={15} /> The saved secret key cannot be read: the server’s PLAUDIT_SECRET_KEY is
            unset or has changed. Set it back, or enter the secret key again.
          </p>
        ) : null}
        <dl className="detail-list connection-details">
          <div>
            <dt>Address</dt>
            <dd className="mono connection-url">{connection.base_url}</dd>
          </div>
          <div>
            <dt>Public key</dt>
            <dd className="mono">{connection.public_key_masked}</dd>
          </div>
          <div>
            <dt>Last sent</dt>
            <dd>
              {delivery.last_delivered_at ? (
                <time dateTime={delivery.last_delivered_at} title={formatDateTime(delivery.last_delivered_at)}>
                  {formatWhen(delivery.last_delivered_at)}
                </time>
              ) : (
                <span className="muted">Nothing yet</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Scores</dt>
            <dd>
              {delivery.delivered} sent · {delivery.pending} waiting · {delivery.failed} given up
            </dd>
          </div>
        </dl>
        <ConnectionTest />
        <div>
          <h3 className="connection-subtitle">Latest errors</h3>
          {delivery.recent_errors.length === 0 ? (
            <p className="muted">None. Failed attempts are retried for up to two days.</p>
          ) : (
            <ul className="connection-errors">
              {delivery.recent_errors.map((failure, index) => (
                <li key={`${failure.attempted_at}-${index}`}>
                  <time dateTime={failure.attempted_at} title={formatDateTime(failure.attempted_at)}>
                    {formatWhen(failure.attempted_at)}
                  </time>
                  {failure.status_code !== null ? (
                    <span className="mono nowrap">HTTP {failure.status_code}</span>
                  ) : null}
                  <span className="delivery-error">{failure.error}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </Card>
  );
}
