import { useEffect, useState } from 'react';
import { ApiError, request } from '../../api/client';
import type { Delivery, Page } from '../../api/admin-types';
import { Icon } from '../../components/icons';
import { Badge, Card, EmptyState, ErrorState, Skeleton, type Tone } from '../../components/ui';
import { formatDateTime } from '../../lib/format';
import { formatWhen } from '../../lib/when';
import { useApi } from '../../lib/use-api';
import { eventLabel } from '../../lib/webhook-events';

const STATUS: Record<Delivery['status'], { label: string; tone: Tone }> = {
  pending: { label: 'Pending', tone: 'warn' },
  succeeded: { label: 'Delivered', tone: 'good' },
  failed: { label: 'Failed', tone: 'bad' },
};

/** The webhook's deliveries, newest first: what was sent, how it went, and a retry. Refreshes while some wait. */
export function Deliveries({ webhookId, refresh }: { webhookId: number; refresh: number }) {
  const deliveries = useApi<Page<Delivery>>(`/v1/webhooks/${webhookId}/deliveries?limit=50`);
  const [retrying, setRetrying] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { reload } = deliveries;
  const waiting = deliveries.data?.data.some((delivery) => delivery.status === 'pending') ?? false;

  useEffect(() => {
    if (refresh > 0) reload();
  }, [refresh, reload]);
  // The worker sends within a second or two: look again while something waits.
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(reload, 1500);
    return () => clearTimeout(timer);
  }, [waiting, reload, deliveries.data]);

  const retry = async (delivery: Delivery) => {
    setRetrying(delivery.id);
    setProblem(null);
    try {
      await request(`/v1/webhooks/${webhookId}/deliveries/${delivery.id}/retry`, { method: 'POST' });
      reload();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'The delivery could not be queued again.');
    } finally {
      setRetrying(null);
    }
  };

  const list = deliveries.data?.data ?? [];
  return (
    <Card
      title="Deliveries"
      description="The latest 50 events sent to this endpoint, with each attempt."
      className="table-card"
      actions={
        <button type="button" className="button button-ghost button-small" onClick={reload}>
          <Icon name="refresh" size={14} /> Refresh
        </button>
      }
    >
      {problem ? (
        <p className="form-alert card-alert" role="alert">
          <Icon name="alert" size={15} /> {problem}
        </p>
      ) : null}
      {deliveries.error ? (
        <ErrorState error={deliveries.error} what="Deliveries" onRetry={reload} />
      ) : !deliveries.data ? (
        <div className="card-body">
          <Skeleton lines={3} />
        </div>
      ) : list.length === 0 ? (
        <EmptyState icon="send" title="Nothing sent yet">
          <p>Send a test event to check that your endpoint receives and verifies deliveries.</p>
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="table delivery-table">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Answer</th>
                <th scope="col" className="num">
                  Duration
                </th>
                <th scope="col" className="num">
                  Attempts
                </th>
                <th scope="col">Sent</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((delivery) => {
                const last = delivery.attempts[delivery.attempts.length - 1];
                const status = STATUS[delivery.status];
                return (
                  <tr key={delivery.id}>
                    <td data-label="Event">
                      <span>{eventLabel(delivery.event_type)}</span>
                      <span className="cell-sub mono" title={`webhook-id ${delivery.webhook_id}`}>
                        {delivery.webhook_id.slice(0, 12)}…
                      </span>
                    </td>
                    <td data-label="Status">
                      <Badge tone={status.tone}>{status.label}</Badge>
                      {delivery.status === 'pending' && delivery.attempt_count > 0 && delivery.next_attempt_at ? (
                        <span className="cell-sub">Next try {formatWhen(delivery.next_attempt_at)}</span>
                      ) : null}
                    </td>
                    <td data-label="Answer">
                      {last ? (
                        last.status_code !== null ? (
                          <span className="mono nowrap">HTTP {last.status_code}</span>
                        ) : (
                          <span className="delivery-error">{last.error ?? 'No answer'}</span>
                        )
                      ) : (
                        <span className="muted">Not sent yet</span>
                      )}
                      {last?.status_code !== null && last?.error ? (
                        <span className="cell-sub delivery-error">{last.error}</span>
                      ) : null}
                    </td>
                    <td data-label="Duration" className="num">
                      {last ? `${last.duration_ms} ms` : '–'}
                    </td>
                    <td data-label="Attempts" className="num">
                      {/* Every attempt logged, retries included (a retry restarts the schedule's own count). */}
                      {delivery.attempts.length}
                    </td>
                    <td data-label="Sent">
                      <time dateTime={delivery.created_at} title={formatDateTime(delivery.created_at)}>
                        {formatWhen(delivery.created_at)}
                      </time>
                    </td>
                    <td className="cell-actions">
                      {delivery.status !== 'pending' ? (
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          onClick={() => void retry(delivery)}
                          disabled={retrying === delivery.id}
                          aria-label={`Send ${eventLabel(delivery.event_type).toLowerCase()} ${delivery.webhook_id} again`}
                        >
                          <Icon name="refresh" size={13} /> Retry
                        </button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
