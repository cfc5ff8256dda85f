import { useState } from 'react';
import { ApiError, queryString, request } from '../../api/client';
import type { AuditEntry, Page, Person } from '../../api/admin-types';
import { Icon } from '../../components/icons';
import { Card, EmptyState, ErrorState, Skeleton } from '../../components/ui';
import { actorName, changesOf, describeAction } from '../../lib/audit';
import { formatDate, formatDateTime, formatTime } from '../../lib/format';
import { useSearchParams } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { SectionError, SettingsHeader } from './settings-header';

const CATEGORIES = [
  { value: '', label: 'Everything' },
  { value: 'settings', label: 'Rating settings' },
  { value: 'api_key', label: 'API keys' },
  { value: 'webhook', label: 'Webhooks' },
  { value: 'conversation', label: 'Conversations' },
];

function initials(text: string): string {
  return text
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

/** The audit log: who did what and when, newest first, filtered by kind, person and days. */
export function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const filters = {
    action: params.get('action') ?? '',
    actor_user_id: params.get('actor') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const query = queryString({ ...filters, limit: 50 });
  const first = useApi<Page<AuditEntry>>(`/v1/audit-log${query}`);
  const actors = useApi<{ data: Person[] }>('/v1/audit-log/actors');
  const [more, setMore] = useState<{ query: string; entries: AuditEntry[]; cursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);

  const update = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };

  const entries = [...(first.data?.data ?? []), ...(more?.query === query ? more.entries : [])];
  const cursor = more?.query === query ? more.cursor : (first.data?.next_cursor ?? null);

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await request<Page<AuditEntry>>(`/v1/audit-log${queryString({ ...filters, limit: 50, cursor })}`);
      setMore((previous) => ({
        query,
        entries: [...(previous?.query === query ? previous.entries : []), ...page.data],
        cursor: page.next_cursor,
      }));
    } catch (error) {
      setMoreError(error instanceof ApiError ? error.message : 'Could not load more entries.');
    } finally {
      setLoadingMore(false);
    }
  };

  const filtered = Object.values(filters).some(Boolean);
  // Entries grouped by day, as people scan a log.
  const days: Array<{ day: string; entries: AuditEntry[] }> = [];
  for (const entry of entries) {
    const day = formatDate(entry.created_at);
    if (days[days.length - 1]?.day !== day) days.push({ day, entries: [] });
    days[days.length - 1]!.entries.push(entry);
  }

  return (
    <div className="page">
      <SettingsHeader title="Audit log" lede="Who changed what, and when. Entries are never changed or removed." />
      {first.error?.status === 403 ? (
        <SectionError error={first.error} what="The audit log" onRetry={first.reload} />
      ) : (
        <>
          <section className="filters" aria-label="Filters">
            <div className="filters-row">
              <label className="filter-select">
                <span className="filter-label">Show</span>
                <select value={filters.action} onChange={(event) => update('action', event.target.value)}>
                  {CATEGORIES.map((category) => (
                    <option key={category.value} value={category.value}>
                      {category.label}
                    </option>
                  ))}
                </select>
              </label>
              <label className="filter-select">
                <span className="filter-label">By</span>
                <select value={filters.actor_user_id} onChange={(event) => update('actor', event.target.value)}>
                  <option value="">Anyone</option>
                  {(actors.data?.data ?? []).map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.name || person.email}
                    </option>
                  ))}
                </select>
              </label>
              <label className="filter-select">
                <span className="filter-label">From</span>
                <input
                  type="date"
                  value={filters.from}
                  max={filters.to || undefined}
                  onChange={(event) => update('from', event.target.value)}
                />
              </label>
              <label className="filter-select">
                <span className="filter-label">To</span>
                <input
                  type="date"
                  value={filters.to}
                  min={filters.from || undefined}
                  onChange={(event) => update('to', event.target.value)}
                />
              </label>
              {filtered ? (
                <button
                  type="button"
                  className="button button-ghost button-small"
                  onClick={() => setParams(new URLSearchParams())}
                >
                  <Icon name="x" size={14} /> Clear
                </button>
              ) : null}
            </div>
          </section>
          <Card className="audit-card">
            {first.error ? (
              <ErrorState error={first.error} what="The audit log" onRetry={first.reload} />
            ) : !first.data ? (
              <div className="card-body">
                <Skeleton lines={5} height={40} />
              </div>
            ) : entries.length === 0 ? (
              <EmptyState icon="scroll" title={filtered ? 'Nothing matches these filters' : 'Nothing recorded yet'}>
                <p>
                  {filtered
                    ? 'Try a longer range or another person.'
                    : 'Changes to settings, keys and webhooks appear here as they happen.'}
                </p>
              </EmptyState>
            ) : (
              <div className={first.loading ? 'is-stale' : undefined}>
                {days.map((group) => (
                  <section key={group.day} className="audit-day" aria-label={group.day}>
                    <h2 className="audit-day-title">{group.day}</h2>
                    <ol className="audit-list">
                      {group.entries.map((entry) => (
                        <AuditItem key={entry.id} entry={entry} />
                      ))}
                    </ol>
                  </section>
                ))}
                {moreError ? (
                  <p className="form-alert card-alert" role="alert">
                    <Icon name="alert" size={15} /> {moreError}
                  </p>
                ) : null}
                {cursor ? (
                  <div className="audit-more">
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => void loadMore()}
                      disabled={loadingMore}
                    >
                      {loadingMore ? 'Loading…' : 'Show older entries'}
                    </button>
                  </div>
                ) : null}
              </div>
            )}
          </Card>
        </>
      )}
    </div>
  );
}

function AuditItem({ entry }: { entry: AuditEntry }) {
  const who = actorName(entry);
  const changes = changesOf(entry);
  const key = entry.actor.api_key;
  return (
    <li className="audit-item">
      <span
        className={`avatar avatar-small${entry.actor.type === 'system' ? ' avatar-system' : ''}`}
        aria-hidden="true"
      >
        {entry.actor.type === 'system' ? <Icon name="hash" size={13} /> : initials(who)}
      </span>
      <div className="audit-text">
        <p className="audit-sentence">
          <strong title={entry.actor.user?.email}>{who}</strong> {describeAction(entry)}
        </p>
        <p className="audit-meta">
          <time dateTime={entry.created_at} title={formatDateTime(entry.created_at)}>
            {formatTime(entry.created_at)}
          </time>
          {key ? (
            <>
              {' · '}with the API key {key.name ? `“${key.name}”` : <span className="mono">{key.prefix}…</span>}
            </>
          ) : entry.actor.type === 'user' ? (
            ' · in the dashboard'
          ) : null}
        </p>
        {changes.length > 0 ? (
          <table className="change-table">
            <caption className="visually-hidden">What changed</caption>
            <thead>
              <tr>
                <th scope="col">Setting</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.field}>
                  <th scope="row">{change.field}</th>
                  <td className="change-before">{change.before}</td>
                  <td className="change-after">{change.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </li>
  );
}
