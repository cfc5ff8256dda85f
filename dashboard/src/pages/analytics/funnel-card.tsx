import type { ApiError } from '../../api/client';
import type { Funnel } from '../../api/types';
import { Badge, Card, EmptyState, ErrorState, Skeleton } from '../../components/ui';
import { formatCount, formatRate } from '../../lib/format';

/** Questions offered in the range, and what became of them. */
export function FunnelCard({
  funnel,
  error,
  retry,
}: {
  funnel: Funnel | undefined;
  error?: ApiError;
  retry: () => void;
}) {
  return (
    <Card title="Response funnel" description="Questions offered in the range, and what became of them.">
      {error ? (
        <ErrorState error={error} what="The funnel" onRetry={retry} />
      ) : !funnel ? (
        <Skeleton lines={4} />
      ) : funnel.offered === 0 ? (
        <EmptyState icon="send" title="No ratings asked for in this range" />
      ) : (
        <div className="funnel">
          {[
            { label: 'Offered', value: funnel.offered, note: '' },
            { label: 'Opened', value: funnel.opened, note: formatRate(funnel.open_rate) },
            { label: 'Answered', value: funnel.answered, note: formatRate(funnel.response_rate) },
          ].map((step) => (
            <div key={step.label} className="funnel-step">
              <div className="funnel-labels">
                <span>{step.label}</span>
                <span>
                  <strong>{formatCount(step.value)}</strong>
                  {step.note ? <span className="muted"> · {step.note}</span> : null}
                </span>
              </div>
              <div className="funnel-track" aria-hidden="true">
                <span className="funnel-fill" style={{ width: `${(step.value / funnel.offered) * 100}%` }} />
              </div>
            </div>
          ))}
          <p className="funnel-foot">
            <Badge tone="warn">{formatCount(funnel.expired)} expired</Badge>{' '}
            <Badge tone="neutral">{formatCount(funnel.cancelled)} cancelled</Badge>
          </p>
        </div>
      )}
    </Card>
  );
}
