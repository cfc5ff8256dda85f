import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { queryString } from '../api/client';
import type { InboxItem, InboxRating, Page } from '../api/types';
import { ACTIVITY_FILTERS, ActivityChips } from '../components/activity-chips';
import { AgentSelect } from '../components/agent-select';
import { Icon } from '../components/icons';
import {
  Badge,
  EmptyState,
  ErrorState,
  ExportMenu,
  FeedbackCounts,
  NpsValue,
  Segmented,
  Skeleton,
  Stars,
  Thumb,
} from '../components/ui';
import { agentLabel, nameIn, useAgentDirectory } from '../lib/agents';
import { channelName, channelNames, formatDateTime, formatShortDate } from '../lib/format';
import { rememberInboxSearch } from '../lib/inbox-state';
import { Link, useRouter, useSearchParams } from '../lib/router';
import { useApi, useDebounced } from '../lib/use-api';

const PAGE_SIZE = 25;
/** The query parameters the inbox passes on to GET /v1/inbox, in the order they show in the URL. */
const FILTERS = [
  'q',
  'rated',
  'low_rating',
  'has_comment',
  'agent_type',
  'agent_id',
  'channel',
  'status',
  'from',
  'to',
  ...ACTIVITY_FILTERS,
] as const;
type Filter = (typeof FILTERS)[number];

function filtersOf(params: URLSearchParams): Partial<Record<Filter, string>> {
  const filters: Partial<Record<Filter, string>> = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

/** The exports of what the inbox lists: every filter of the inbox, with the inbox's meaning (`scope=conversations`). */
function exportQuery(filters: Partial<Record<Filter, string>>): string {
  return queryString({ scope: 'conversations', ...filters });
}

const thumbLabels = { HELPFUL_THUMBS: 'Helpful', EXPERIENCE_THUMBS: 'Good experience' } as const;

function RatingCell({ rating }: { rating: InboxRating | null }) {
  if (!rating) return <span className="muted">Not rated</span>;
  const answered = rating.stars !== null || rating.nps !== null || Object.keys(rating.thumbs).length > 0;
  if (!answered) {
    const label = rating.status === 'expired' ? 'Expired' : rating.status === 'cancelled' ? 'Cancelled' : 'Invited';
    return (
      <Badge tone="neutral" title={rating.offered_at ? `Offered ${formatDateTime(rating.offered_at)}` : undefined}>
        {label}
      </Badge>
    );
  }
  return (
    <div className="rating-cell">
      <div className="rating-values">
        {rating.stars !== null ? <Stars value={rating.stars} /> : null}
        {rating.nps !== null ? <NpsValue value={rating.nps} /> : null}
        {(Object.keys(thumbLabels) as Array<keyof typeof thumbLabels>).map((code) => {
          const value = rating.thumbs[code];
          return value ? <Thumb key={code} value={value} label={thumbLabels[code]} /> : null;
        })}
      </div>
      {rating.comment ? (
        <p className="rating-comment" title={rating.comment}>
          <Icon name="comment" size={12} />
          <span>{rating.comment}</span>
        </p>
      ) : null}
    </div>
  );
}

function contactOf(item: InboxItem): string {
  if (item.anonymized_at) return 'Anonymized contact';
  return item.contact_name || item.contact_email || 'Unknown contact';
}

function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <label className="filter-select">
      <span className="filter-label">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Toggle({ pressed, onClick, children }: { pressed: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="chip-toggle" aria-pressed={pressed} onClick={onClick}>
      {pressed ? <Icon name="check" size={13} /> : null}
      {children}
    </button>
  );
}

export function InboxPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const cursor = params.get('cursor');
  const filterKey = queryString(filters);
  const agents = useAgentDirectory();
  const { location } = useRouter();
  useEffect(() => rememberInboxSearch(location.search), [location.search]);

  // Cursors of the pages before this one, so that Previous can go back; a change of filters starts over.
  const [previous, setPrevious] = useState<string[]>([]);
  const [stackFilters, setStackFilters] = useState(filterKey);
  if (stackFilters !== filterKey) {
    setStackFilters(filterKey);
    setPrevious([]);
  }

  // The search box follows the URL (back, forward, a link), and the URL follows the box once typing settles.
  const [search, setSearch] = useState(filters.q ?? '');
  const [searchInUrl, setSearchInUrl] = useState(filters.q ?? '');
  if ((filters.q ?? '') !== searchInUrl) {
    setSearchInUrl(filters.q ?? '');
    if (search.trim() !== (filters.q ?? '')) setSearch(filters.q ?? '');
  }
  const settledSearch = useDebounced(search, 300);

  const update = (changes: Partial<Record<Filter | 'cursor', string | null>>, push = false) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (!('cursor' in changes)) next.delete('cursor');
    setParams(next, { push });
  };

  useEffect(() => {
    if ((filters.q ?? '') !== settledSearch.trim()) update({ q: settledSearch.trim() || null });
    // Only a settled search writes the URL; the URL's own changes reach the box above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settledSearch]);

  const path = `/v1/inbox${queryString({ ...filters, limit: PAGE_SIZE, cursor })}`;
  const { data, error, loading, reload } = useApi<Page<InboxItem>>(path);
  const items = data?.data ?? [];
  const active = Object.keys(filters).length > 0;

  const goNext = () => {
    if (!data?.next_cursor) return;
    setPrevious((stack) => [...stack, cursor ?? '']);
    update({ cursor: data.next_cursor }, true);
  };
  const goPrevious = () => {
    const stack = [...previous];
    const before = stack.pop();
    setPrevious(stack);
    update({ cursor: before || null }, true);
  };
  const onFirstPage = !cursor;

  const [moreFilters, setMoreFilters] = useState(false);
  const extraActive = (['agent_type', 'agent_id', 'channel', 'status', 'from', 'to'] as const).filter(
    (name) => filters[name],
  ).length;
  const view = filters.rated === 'true' ? 'rated' : filters.rated === 'false' ? 'unrated' : 'all';
  const channelOptions = [
    { value: '', label: 'Any channel' },
    ...Object.keys(channelNames).map((value) => ({ value, label: channelName(value) })),
  ];
  if (filters.channel && !channelNames[filters.channel]) {
    channelOptions.push({ value: filters.channel, label: channelName(filters.channel) });
  }

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Inbox</h1>
          <p className="page-lede">Conversations with the ratings and feedback they got, newest first.</p>
        </div>
        <div className="page-actions">
          <ExportMenu
            query={exportQuery(filters)}
            note="The conversations listed, on every page, with their ratings and feedback."
          />
        </div>
      </header>

      <section className="filters" aria-label="Filters">
        <div className="filters-row">
          <label className="search">
            <Icon name="search" size={15} />
            <span className="visually-hidden">Search conversations</span>
            <input
              type="search"
              placeholder="Search contact, message or comment"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          </label>
          <Segmented
            label="Rating"
            value={view}
            onChange={(value) => update({ rated: value === 'all' ? null : value === 'rated' ? 'true' : 'false' })}
            options={[
              { value: 'all', label: 'All' },
              { value: 'rated', label: 'Rated' },
              { value: 'unrated', label: 'Not rated' },
            ]}
          />
          <Toggle
            pressed={filters.low_rating === 'true'}
            onClick={() => update({ low_rating: filters.low_rating === 'true' ? null : 'true' })}
          >
            Low rating
          </Toggle>
          <Toggle
            pressed={filters.has_comment === 'true'}
            onClick={() => update({ has_comment: filters.has_comment === 'true' ? null : 'true' })}
          >
            With comment
          </Toggle>
          <ActivityChips
            filters={filters}
            onRemove={(names) => update(Object.fromEntries(names.map((name) => [name, null])))}
          />
          <button
            type="button"
            className="button button-secondary filters-toggle"
            aria-expanded={moreFilters}
            aria-controls="inbox-more-filters"
            onClick={() => setMoreFilters((open) => !open)}
          >
            <Icon name="filter" size={14} /> More filters
            {extraActive > 0 ? <Badge tone="accent">{extraActive}</Badge> : null}
          </button>
        </div>
        <div className={`filters-row filters-extra${moreFilters ? ' is-open' : ''}`} id="inbox-more-filters">
          <FilterSelect
            label="Agent type"
            value={filters.agent_type ?? ''}
            onChange={(value) => update({ agent_type: value || null })}
            options={[
              { value: '', label: 'AI and human' },
              { value: 'ai', label: 'AI agents' },
              { value: 'human', label: 'Human agents' },
            ]}
          />
          <AgentSelect
            agents={agents}
            type={filters.agent_type}
            value={filters.agent_id}
            onChange={(agentId) => update({ agent_id: agentId })}
          />
          <FilterSelect
            label="Channel"
            value={filters.channel ?? ''}
            onChange={(value) => update({ channel: value || null })}
            options={channelOptions}
          />
          <FilterSelect
            label="Status"
            value={filters.status ?? ''}
            onChange={(value) => update({ status: value || null })}
            options={[
              { value: '', label: 'Any status' },
              { value: 'open', label: 'Open' },
              { value: 'closed', label: 'Closed' },
            ]}
          />
          <label className="filter-select">
            <span className="filter-label">From</span>
            <input
              type="date"
              value={filters.from ?? ''}
              max={filters.to}
              onChange={(event) => update({ from: event.target.value || null })}
            />
          </label>
          <label className="filter-select">
            <span className="filter-label">To</span>
            <input
              type="date"
              value={filters.to ?? ''}
              min={filters.from}
              onChange={(event) => update({ to: event.target.value || null })}
            />
          </label>
          {filters.agent_id ? (
            <span className="chip">
              Agent: {agentLabel(nameIn(agents, filters.agent_id), filters.agent_id, filters.agent_type)}
              <button type="button" aria-label="Remove the agent filter" onClick={() => update({ agent_id: null })}>
                <Icon name="x" size={12} />
              </button>
            </span>
          ) : null}
          {active ? (
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => {
                setSearch('');
                setParams(new URLSearchParams(), { push: true });
              }}
            >
              Clear filters
            </button>
          ) : null}
        </div>
      </section>

      <div className="card table-card" aria-busy={loading}>
        {error ? (
          <ErrorState error={error} what="Conversations" onRetry={reload} />
        ) : !data ? (
          <Skeleton lines={8} height={44} />
        ) : items.length === 0 ? (
          <EmptyState icon="inbox" title={active ? 'No conversation matches these filters' : 'No conversations yet'}>
            {active ? (
              <p>Try a wider date range, or clear the filters.</p>
            ) : (
              <p>
                Conversations appear here as soon as your platform sends them to the API.{' '}
                <Link to="/analytics">See how to send the first one</Link>.
              </p>
            )}
          </EmptyState>
        ) : (
          <table className="table inbox-table">
            <caption className="visually-hidden">Conversations, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Conversation</th>
                <th scope="col">Rating</th>
                <th scope="col" className="col-feedback">
                  Message feedback
                </th>
                <th scope="col" className="col-agent">
                  Agent
                </th>
                <th scope="col" className="col-channel">
                  Channel
                </th>
                <th scope="col" className="col-date">
                  Started
                </th>
              </tr>
            </thead>
            <tbody className={loading ? 'is-stale' : undefined}>
              {items.map((item) => (
                <tr key={item.id} className="row-link">
                  <td className="cell-conversation">
                    <div className="conversation-title">
                      <Link to={`/conversations/${item.id}`} className="row-anchor">
                        {contactOf(item)}
                      </Link>
                      {item.status === 'open' ? <Badge tone="info">Open</Badge> : null}
                    </div>
                    <p className="conversation-preview">
                      {item.last_message?.text ? (
                        <>
                          <span className="preview-role">{item.last_message.role === 'user' ? '' : 'Reply: '}</span>
                          {item.last_message.text}
                        </>
                      ) : (
                        <span className="muted">
                          {item.message_count} message{item.message_count === 1 ? '' : 's'}
                        </span>
                      )}
                    </p>
                  </td>
                  <td className="cell-rating" data-label="Rating">
                    <RatingCell rating={item.rating} />
                  </td>
                  <td className="col-feedback" data-label="Feedback">
                    <FeedbackCounts {...item.feedback} compact />
                  </td>
                  <td className="col-agent" data-label="Agent">
                    <span className="agent">
                      <Icon name={item.agent_type === 'ai' ? 'bot' : 'user'} size={14} />
                      <span>{agentLabel(item.agent_name, item.agent_id, item.agent_type)}</span>
                    </span>
                  </td>
                  <td className="col-channel" data-label="Channel">
                    {channelName(item.channel)}
                  </td>
                  <td className="col-date" data-label="Started">
                    <time dateTime={item.created_at} title={formatDateTime(item.created_at)}>
                      {formatShortDate(item.created_at)}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {data && (items.length > 0 || !onFirstPage) ? (
          <nav className="pagination" aria-label="Pages">
            <span className="pagination-info" aria-live="polite">
              Page {previous.length + 1}
              {loading ? <span className="visually-hidden"> (loading)</span> : null}
            </span>
            <div className="pagination-buttons">
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={goPrevious}
                disabled={onFirstPage || loading}
              >
                <Icon name="chevronLeft" size={14} /> Previous
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={goNext}
                disabled={!data.next_cursor || loading}
              >
                Next <Icon name="chevronRight" size={14} />
              </button>
            </div>
          </nav>
        ) : null}
      </div>
    </div>
  );
}
