import { useState } from 'react';
import { ApiError, request } from '../../api/client';
import type { Page, Webhook } from '../../api/admin-types';
import { ConfirmDialog, SecretReveal } from '../../components/dialogs';
import { Icon } from '../../components/icons';
import { Badge, Card, EmptyState, Skeleton } from '../../components/ui';
import { formatWhen } from '../../lib/when';
import { useApi } from '../../lib/use-api';
import { Deliveries } from './deliveries';
import { SectionError, SettingsHeader } from './settings-header';
import { WebhookForm } from './webhook-form';
import { eventLabel } from '../../lib/webhook-events';

type Mode = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; webhook: Webhook };

/** Webhooks: where Plaudit sends events, their secrets, a test event, and the log of what was delivered. */
export function WebhooksPage() {
  const hooks = useApi<Page<Webhook>>('/v1/webhooks?limit=200');
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [secret, setSecret] = useState<{ url: string; secret: string; rotated: boolean } | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [confirm, setConfirm] = useState<{ kind: 'rotate' | 'delete'; webhook: Webhook } | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const list = hooks.data?.data ?? [];
  const current = list.find((hook) => hook.id === selected) ?? list[0];

  const act = async () => {
    if (!confirm) return;
    setBusy(true);
    setActionError(null);
    try {
      if (confirm.kind === 'rotate') {
        const { data } = await request<{ data: Webhook & { secret: string } }>(
          `/v1/webhooks/${confirm.webhook.id}/rotate-secret`,
          { method: 'POST' },
        );
        setSecret({ url: data.url, secret: data.secret, rotated: true });
      } else {
        await request(`/v1/webhooks/${confirm.webhook.id}`, { method: 'DELETE' });
        setSelected(null);
      }
      setConfirm(null);
      hooks.reload();
    } catch (error) {
      setActionError(error instanceof ApiError ? error.message : 'That did not work. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <SettingsHeader
        title="Webhooks"
        lede="Get ratings and feedback pushed to your systems the moment they happen."
        actions={
          mode.kind === 'list' && !hooks.error ? (
            <button type="button" className="button button-primary" onClick={() => setMode({ kind: 'create' })}>
              <Icon name="plus" size={15} /> Add webhook
            </button>
          ) : null
        }
      />
      {hooks.error ? (
        <SectionError error={hooks.error} what="Webhooks" onRetry={hooks.reload} />
      ) : (
        <div className="section-stack">
          {secret ? (
            <SecretReveal
              title={secret.rotated ? 'The new signing secret' : 'Your webhook’s signing secret'}
              label="Signing secret"
              value={secret.secret}
              onDone={() => setSecret(null)}
            >
              Verify each delivery’s <code>webhook-signature</code> with it (Standard Webhooks) so that you know it came
              from Plaudit. It is shown only this once
              {secret.rotated ? '; deliveries are signed with it from now on' : ''}.
            </SecretReveal>
          ) : null}
          {mode.kind !== 'list' ? (
            <WebhookForm
              webhook={mode.kind === 'edit' ? mode.webhook : undefined}
              onCancel={() => setMode({ kind: 'list' })}
              onSaved={(saved) => {
                if (saved.secret) setSecret({ url: saved.url, secret: saved.secret, rotated: false });
                setSelected(saved.id);
                setMode({ kind: 'list' });
                hooks.reload();
              }}
            />
          ) : null}
          {!hooks.data ? (
            <Card>
              <div className="card-body">
                <Skeleton lines={3} />
              </div>
            </Card>
          ) : list.length === 0 && mode.kind === 'list' ? (
            <Card>
              <EmptyState icon="webhook" title="No webhooks yet">
                <p>Add your endpoint’s address and choose the events to send there.</p>
              </EmptyState>
            </Card>
          ) : list.length > 0 ? (
            <div className="webhook-layout">
              <Card title="Endpoints" className="webhook-list-card">
                <ul className="webhook-list">
                  {list.map((hook) => (
                    <li key={hook.id}>
                      <button
                        type="button"
                        className="webhook-item"
                        aria-current={current?.id === hook.id ? 'true' : undefined}
                        onClick={() => setSelected(hook.id)}
                      >
                        <span className="webhook-url mono">{hook.url}</span>
                        <span className="webhook-meta">
                          {hook.enabled ? <Badge tone="good">Enabled</Badge> : <Badge>Disabled</Badge>}
                          <span className="muted">
                            {hook.event_types.length} {hook.event_types.length === 1 ? 'event' : 'events'}
                          </span>
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              </Card>
              {current ? (
                <WebhookDetail
                  key={current.id}
                  webhook={current}
                  onEdit={() => setMode({ kind: 'edit', webhook: current })}
                  onRotate={() => {
                    setActionError(null);
                    setConfirm({ kind: 'rotate', webhook: current });
                  }}
                  onDelete={() => {
                    setActionError(null);
                    setConfirm({ kind: 'delete', webhook: current });
                  }}
                />
              ) : null}
            </div>
          ) : null}
        </div>
      )}
      {confirm ? (
        <ConfirmDialog
          title={confirm.kind === 'rotate' ? 'Rotate the signing secret?' : 'Delete this webhook?'}
          confirmLabel={confirm.kind === 'rotate' ? 'Rotate secret' : 'Delete webhook'}
          busy={busy}
          error={actionError}
          onConfirm={() => void act()}
          onCancel={() => setConfirm(null)}
        >
          {confirm.kind === 'rotate' ? (
            <>
              Every delivery from now on, waiting ones included, is signed with a new secret only. Update your receiver
              right after.
            </>
          ) : (
            <>
              <span className="mono">{confirm.webhook.url}</span> stops receiving events, and its delivery log is
              deleted with it.
            </>
          )}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function WebhookDetail({
  webhook,
  onEdit,
  onRotate,
  onDelete,
}: {
  webhook: Webhook;
  onEdit: () => void;
  onRotate: () => void;
  onDelete: () => void;
}) {
  const [pinging, setPinging] = useState(false);
  const [pinged, setPinged] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);

  const ping = async () => {
    setPinging(true);
    setPinged(null);
    try {
      await request(`/v1/webhooks/${webhook.id}/ping`, { method: 'POST' });
      setPinged('Test event queued. It appears below once it is sent.');
      setRefresh((n) => n + 1);
    } catch (error) {
      setPinged(error instanceof ApiError ? error.message : 'The test event could not be queued.');
    } finally {
      setPinging(false);
    }
  };

  const rating = webhook.filters.rating;
  const filters = [
    rating?.max_stars !== undefined ? `${rating.max_stars} stars or fewer` : null,
    rating?.max_nps !== undefined ? `NPS ${rating.max_nps} or lower` : null,
    rating?.max_ces !== undefined ? `CES ${rating.max_ces} or lower` : null,
    rating?.thumbs ? `thumbs ${rating.thumbs} only` : null,
  ].filter(Boolean);

  return (
    <div className="webhook-detail">
      <Card
        title={<span className="mono webhook-title">{webhook.url}</span>}
        description={`Added ${formatWhen(webhook.created_at)} · ${webhook.enabled ? 'Enabled' : 'Disabled'}`}
        actions={
          <button
            type="button"
            className="button button-primary button-small"
            onClick={() => void ping()}
            disabled={pinging}
          >
            <Icon name="send" size={14} /> {pinging ? 'Sending…' : 'Send test event'}
          </button>
        }
      >
        <div className="card-body">
          <dl className="detail-list">
            <div>
              <dt>Events</dt>
              <dd>
                <span className="badges">
                  {webhook.event_types.map((type) => (
                    <Badge key={type} tone="info">
                      {eventLabel(type)}
                    </Badge>
                  ))}
                </span>
              </dd>
            </div>
            <div>
              <dt>Filters</dt>
              <dd>{filters.length ? `Ratings: ${filters.join(', ')}` : 'None: every event is sent'}</dd>
            </div>
          </dl>
          {pinged ? (
            <p className="notice" role="status">
              <Icon name="check" size={15} /> {pinged}
            </p>
          ) : null}
          <div className="button-row">
            <button type="button" className="button button-secondary button-small" onClick={onEdit}>
              Edit
            </button>
            <button type="button" className="button button-secondary button-small" onClick={onRotate}>
              <Icon name="refresh" size={14} /> Rotate secret
            </button>
            <button type="button" className="button button-ghost button-small button-danger-text" onClick={onDelete}>
              <Icon name="trash" size={14} /> Delete
            </button>
          </div>
        </div>
      </Card>
      <Deliveries webhookId={webhook.id} refresh={refresh} />
    </div>
  );
}
