import { useState, type FormEvent } from 'react';
import { ApiError, request } from '../../api/client';
import type { ApiKey, Scope } from '../../api/admin-types';
import { ConfirmDialog, SecretReveal } from '../../components/dialogs';
import { Icon } from '../../components/icons';
import { Badge, Card, EmptyState, Skeleton } from '../../components/ui';
import { formatDate, formatDateTime } from '../../lib/format';
import { formatWhen } from '../../lib/when';
import { useApi } from '../../lib/use-api';
import { SectionError, SettingsHeader } from './settings-header';

const SCOPES: Array<{ value: Scope; label: string; hint: string }> = [
  { value: 'read_all', label: 'Read', hint: 'Conversations, ratings, feedback, analytics and exports.' },
  { value: 'write_all', label: 'Write', hint: 'Send conversations and messages, record ratings and feedback.' },
];

export function personName(person: { name: string | null; email: string } | null | undefined): string {
  return person ? person.name || person.email : 'Someone removed since';
}

/** API keys: create one (shown once), see who owns each and when it was last used, revoke. */
export function ApiKeysPage() {
  const keys = useApi<{ data: ApiKey[] }>('/v1/api-keys');
  const [issued, setIssued] = useState<(ApiKey & { api_key: string }) | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<string | null>(null);

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setRevokeError(null);
    try {
      await request(`/v1/api-keys/${revoking.id}`, { method: 'DELETE' });
      setRevoking(null);
      keys.reload();
    } catch (error) {
      setRevokeError(error instanceof ApiError ? error.message : 'The key could not be revoked. Try again.');
    } finally {
      setBusy(false);
    }
  };

  const list = keys.data?.data ?? [];
  const active = list.filter((key) => !key.revoked_at);
  const revoked = list.filter((key) => key.revoked_at);

  return (
    <div className="page">
      <SettingsHeader
        title="API keys"
        lede="Keys let your backend send conversations to Plaudit and read what customers thought."
      />
      {keys.error ? (
        <SectionError error={keys.error} what="API keys" onRetry={keys.reload} />
      ) : (
        <div className="section-stack">
          {issued ? (
            <SecretReveal
              title={`Your new key “${issued.name ?? issued.prefix}”`}
              label="API key"
              value={issued.api_key}
              onDone={() => setIssued(null)}
            >
              Copy it now and keep it somewhere safe, such as your server’s secrets. For your security it is shown only
              this once; if you lose it, revoke it and create another.
            </SecretReveal>
          ) : null}
          <CreateKeyCard
            onCreated={(key) => {
              setIssued(key);
              keys.reload();
            }}
          />
          <Card
            title="Keys"
            description={
              keys.data ? `${active.length} active${revoked.length ? `, ${revoked.length} revoked` : ''}.` : 'Loading…'
            }
            className="table-card"
          >
            {!keys.data ? (
              <div className="card-body">
                <Skeleton lines={3} />
              </div>
            ) : list.length === 0 ? (
              <EmptyState icon="key" title="No keys yet" />
            ) : (
              <div className="table-scroll">
                <table className="table key-table">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Scopes</th>
                      <th scope="col">Owner</th>
                      <th scope="col">Created</th>
                      <th scope="col">Last used</th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...active, ...revoked].map((key) => (
                      <tr key={key.id} className={key.revoked_at ? 'is-revoked' : undefined}>
                        <td data-label="Name">
                          <span className="key-name">{key.name ?? 'Unnamed key'}</span>
                          <span className="cell-sub mono">{key.prefix}…</span>
                        </td>
                        <td data-label="Scopes">
                          <span className="badges">
                            {key.scopes.map((scope) => (
                              <Badge key={scope} tone={scope === 'write_all' ? 'accent' : 'info'}>
                                {scope === 'write_all' ? 'Write' : 'Read'}
                              </Badge>
                            ))}
                          </span>
                        </td>
                        <td data-label="Owner">
                          <span className="cell-stack">
                            <span>{personName(key.owner)}</span>
                            {key.owner.name ? <span className="cell-sub">{key.owner.email}</span> : null}
                          </span>
                        </td>
                        <td data-label="Created">
                          <time dateTime={key.created_at} title={formatDateTime(key.created_at)}>
                            {formatWhen(key.created_at)}
                          </time>
                        </td>
                        <td data-label="Last used">
                          {key.last_used_at ? (
                            <time dateTime={key.last_used_at} title={formatDateTime(key.last_used_at)}>
                              {formatWhen(key.last_used_at)}
                            </time>
                          ) : (
                            <span className="muted">Never</span>
                          )}
                        </td>
                        <td className="cell-actions">
                          {key.revoked_at ? (
                            <Badge tone="neutral" title={`Revoked ${formatDateTime(key.revoked_at)}`}>
                              Revoked {formatDate(key.revoked_at)}
                            </Badge>
                          ) : (
                            <button
                              type="button"
                              className="button button-secondary button-small"
                              onClick={() => {
                                setRevokeError(null);
                                setRevoking(key);
                              }}
                              aria-label={`Revoke ${key.name ?? key.prefix}`}
                            >
                              Revoke
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </div>
      )}
      {revoking ? (
        <ConfirmDialog
          title={`Revoke “${revoking.name ?? revoking.prefix}”?`}
          confirmLabel="Revoke key"
          busy={busy}
          error={revokeError}
          onConfirm={() => void revoke()}
          onCancel={() => setRevoking(null)}
        >
          Anything that uses this key is refused from the next request on. This cannot be undone.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function CreateKeyCard({ onCreated }: { onCreated: (key: ApiKey & { api_key: string }) => void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['read_all', 'write_all']);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setError('Give the key a name, such as the system that will use it.');
    if (scopes.length === 0) return setError('Choose at least one scope.');
    setSaving(true);
    setError(null);
    try {
      const { data } = await request<{ data: ApiKey & { api_key: string } }>('/v1/api-keys', {
        method: 'POST',
        body: { name: name.trim(), scopes },
      });
      setName('');
      onCreated(data);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The key could not be created. Try again.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="Create a key" description="The key belongs to you; name it after what will use it.">
      <form className="card-body inline-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="key-name">Name</label>
          <input
            id="key-name"
            type="text"
            value={name}
            maxLength={100}
            placeholder="Helpdesk backend"
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <fieldset className="field">
          <legend>Scopes</legend>
          <div className="choice-row">
            {SCOPES.map((scope) => {
              const checked = scopes.includes(scope.value);
              return (
                <label key={scope.value} className={`check-card${checked ? ' is-checked' : ''}`}>
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={() =>
                      setScopes((current) =>
                        checked ? current.filter((value) => value !== scope.value) : [...current, scope.value],
                      )
                    }
                  />
                  <span className="check-card-text">
                    <span className="check-card-title">{scope.label}</span>
                    <span className="check-card-hint">{scope.hint}</span>
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
        {error ? (
          <p className="form-alert" role="alert">
            <Icon name="alert" size={15} /> {error}
          </p>
        ) : null}
        <div>
          <button type="submit" className="button button-primary" disabled={saving}>
            <Icon name="plus" size={15} /> {saving ? 'Creating…' : 'Create key'}
          </button>
        </div>
      </form>
    </Card>
  );
}
