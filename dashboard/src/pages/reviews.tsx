import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, request } from '../api/client';
import type { Message } from '../api/types';
import { Icon } from '../components/icons';
import { Badge, Card, EmptyState, ErrorState, Segmented, Skeleton, type Tone } from '../components/ui';
import { formatDateTime } from '../lib/format';
import { Link, useSearchParams } from '../lib/router';
import { useApi } from '../lib/use-api';
import { useSignedIn } from '../session';

/**
 * The review queue: the disliked AI answers and low-rated AI conversations, worked through one by one — from the
 * keyboard (j/k to move, a to assign to me, r to resolve, w for won't fix, o to reopen) — with the answer in its
 * conversation beside the list.
 */

type Status = 'open' | 'in_review' | 'resolved' | 'wont_fix';

interface ReviewItem {
  id: number;
  kind: 'answer' | 'rating';
  status: Status;
  assignee: { id: string; name: string | null; email: string | null } | null;
  notes: string | null;
  resolution: string | null;
  reopened: number;
  conversation: {
    id: number;
    uid: string;
    contact_name: string | null;
    channel: string | null;
    agent_name?: string | null;
  };
  message: { uid: string; text: string | null; dislikes: number; likes: number; comments: string[] } | null;
  rating: { uid: string; comment: string | null; answers: Array<{ code: string; kind: string; value: number }> } | null;
  last_event_at: string;
}

interface ReviewList {
  data: ReviewItem[];
  counts: Partial<Record<Status, number>>;
  next_cursor: string | null;
}

const STATUS: Record<Status, { label: string; tone: Tone }> = {
  open: { label: 'Open', tone: 'bad' },
  in_review: { label: 'In review', tone: 'info' },
  resolved: { label: 'Resolved', tone: 'good' },
  wont_fix: { label: 'Won’t fix', tone: 'neutral' },
};
const RESOLUTIONS = ['prompt_fixed', 'knowledge_added', 'model_changed', 'not_a_bug'];

function summaryOf(item: ReviewItem): string {
  if (item.message) return item.message.text ?? 'Text removed (anonymized)';
  if (item.rating?.comment) return `“${item.rating.comment}”`;
  return 'A low rating without a comment';
}

function answersOf(item: ReviewItem): string {
  return (item.rating?.answers ?? []).map((answer) => `${answer.code} ${answer.value}`).join(' · ');
}

/** The conversation around the item, its answer marked. */
function Transcript({ item }: { item: ReviewItem }) {
  const messages = useApi<{ data: Message[] }>(`/v1/conversations/${item.conversation.id}/messages`);
  const box = useRef<HTMLOListElement>(null);
  useEffect(() => {
    // Within the transcript only: the page itself stays where the reader is.
    const target = box.current?.querySelector<HTMLElement>('.review-target');
    if (box.current && target) box.current.scrollTop = target.offsetTop - box.current.clientHeight / 2;
  }, [messages.data, item.message?.uid]);
  if (messages.error) return <ErrorState error={messages.error} what="The conversation" onRetry={messages.reload} />;
  if (!messages.data) return <Skeleton lines={4} />;
  return (
    <ol className="review-transcript" ref={box}>
      {messages.data.data.map((message) => (
        <li
          key={message.uid}
          id={`review-message-${message.uid}`}
          className={`review-bubble review-${message.role}${message.uid === item.message?.uid ? ' review-target' : ''}`}
        >
          <span className="review-role">
            {message.role === 'user' ? 'Contact' : message.role === 'ai' ? 'AI agent' : message.role}
          </span>
          <p>{message.text ?? 'Text removed (anonymized)'}</p>
        </li>
      ))}
    </ol>
  );
}

function Detail({ item, onChange, busy }: { item: ReviewItem; onChange: (change: object) => void; busy: boolean }) {
  const [notes, setNotes] = useState(item.notes ?? '');
  const closed = item.status === 'resolved' || item.status === 'wont_fix';
  return (
    <Card
      className="review-detail"
      title={
        <>
          {item.kind === 'answer' ? 'Disliked answer' : 'Low rating'} ·{' '}
          {item.conversation.contact_name ?? 'Unknown contact'}
        </>
      }
      description={`${item.conversation.agent_name ?? 'AI agent'} · ${formatDateTime(item.last_event_at)}${
        item.reopened > 0 ? ` · reopened ${item.reopened}×` : ''
      }`}
      actions={
        <Link to={`/conversations/${item.conversation.id}`} className="button button-secondary">
          Open conversation
        </Link>
      }
    >
      <div className="review-body">
        {item.message ? (
          <div className="review-feedback">
            <span className="count count-bad">
              <Icon name="thumbsDown" size={13} /> {item.message.dislikes}
            </span>
            <span className="count count-good">
              <Icon name="thumbsUp" size={13} /> {item.message.likes}
            </span>
            {item.message.comments.map((comment, index) => (
              <p key={index} className="gap-comment">
                “{comment}”
              </p>
            ))}
          </div>
        ) : (
          <div className="review-feedback">
            <span>{answersOf(item)}</span>
            {item.rating?.comment ? <p className="gap-comment">“{item.rating.comment}”</p> : null}
          </div>
        )}
        <Transcript item={item} />
        <div className="review-actions">
          {closed ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => onChange({ status: 'open' })}
            >
              Reopen <kbd>o</kbd>
            </button>
          ) : (
            <>
              <button
                type="button"
                className="button button-primary"
                disabled={busy}
                onClick={() => onChange({ status: 'resolved' })}
              >
                <Icon name="check" size={14} /> Resolve <kbd>r</kbd>
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={busy}
                onClick={() => onChange({ status: 'wont_fix' })}
              >
                Won’t fix <kbd>w</kbd>
              </button>
            </>
          )}
          <label className="filter-select">
            <span className="filter-label">Resolution</span>
            <select
              value={item.resolution ?? ''}
              disabled={busy}
              onChange={(event) => onChange({ resolution: event.target.value || null })}
            >
              <option value="">None</option>
              {[...new Set([...RESOLUTIONS, ...(item.resolution ? [item.resolution] : [])])].map((tag) => (
                <option key={tag} value={tag}>
                  {tag.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="review-notes">
          <span className="filter-label">Notes</span>
          <textarea
            value={notes}
            rows={3}
            maxLength={4000}
            placeholder="What was wrong, and what was done about it"
            onChange={(event) => setNotes(event.target.value)}
            onBlur={() => notes !== (item.notes ?? '') && onChange({ notes: notes || null })}
          />
        </label>
      </div>
    </Card>
  );
}

export function ReviewsPage() {
  const session = useSignedIn();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? 'unresolved') as Status | 'unresolved' | 'all';
  const assignee = params.get('assignee') ?? '';
  const query = useMemo(() => {
    const search = new URLSearchParams({ limit: '100' });
    if (status !== 'all') search.set('status', status);
    if (assignee) search.set('assignee', assignee);
    return `/v1/reviews?${search}`;
  }, [status, assignee]);
  const list = useApi<ReviewList>(query);
  // The selection belongs to one list: a new filter starts again at its first item.
  const [selection, setSelection] = useState({ query, index: 0 });
  const selected = selection.query === query ? selection.index : 0;
  const setSelected = useCallback(
    (next: (index: number) => number) =>
      setSelection((was) => ({ query, index: next(was.query === query ? was.index : 0) })),
    [query],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const items = list.data?.data ?? [];
  const current = items[Math.min(selected, items.length - 1)];

  const change = useCallback(
    async (body: object) => {
      if (!current) return;
      setBusy(true);
      setError(null);
      try {
        await request(`/v1/reviews/${current.id}`, { method: 'PATCH', body });
        list.reload();
      } catch (caught) {
        setError(caught instanceof ApiError ? caught.message : 'The change could not be saved.');
      } finally {
        setBusy(false);
      }
    },
    [current, list],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.metaKey || event.ctrlKey || event.altKey || busy) return;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      const closed = current?.status === 'resolved' || current?.status === 'wont_fix';
      if (event.key === 'j') setSelected((index) => Math.min(index + 1, Math.max(items.length - 1, 0)));
      else if (event.key === 'k') setSelected((index) => Math.max(index - 1, 0));
      else if (event.key === 'a' && current) void change({ assignee_id: session.user.id });
      else if (event.key === 'r' && current && !closed) void change({ status: 'resolved' });
      else if (event.key === 'w' && current && !closed) void change({ status: 'wont_fix' });
      else if (event.key === 'o' && current && closed) void change({ status: 'open' });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items.length, current, change, busy, session.user.id, setSelected]);

  const counts = list.data?.counts ?? {};
  const todo = (counts.open ?? 0) + (counts.in_review ?? 0);
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Review queue</h1>
          <p className="page-lede">
            Disliked AI answers and low-rated AI conversations, to work through one by one. Keys: <kbd>j</kbd>/
            <kbd>k</kbd> move, <kbd>a</kbd> assign to me, <kbd>r</kbd> resolve, <kbd>w</kbd> won’t fix, <kbd>o</kbd>{' '}
            reopen.
          </p>
        </div>
      </header>
      <div className="review-filters">
        <Segmented
          label="Status"
          value={status}
          onChange={(value) => set('status', value === 'unresolved' ? '' : value)}
          options={[
            { value: 'unresolved', label: `To do${todo ? ` ${todo}` : ''}` },
            { value: 'open', label: 'Open' },
            { value: 'in_review', label: 'In review' },
            { value: 'resolved', label: 'Resolved' },
            { value: 'wont_fix', label: 'Won’t fix' },
            { value: 'all', label: 'All' },
          ]}
        />
        <Segmented
          label="Assignee"
          value={assignee}
          onChange={(value) => set('assignee', value)}
          options={[
            { value: '', label: 'Anyone' },
            { value: 'me', label: 'Me' },
            { value: 'none', label: 'Unassigned' },
          ]}
        />
      </div>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      {list.error ? (
        <ErrorState error={list.error} what="The review queue" onRetry={list.reload} />
      ) : !list.data ? (
        <Skeleton lines={6} height={48} />
      ) : items.length === 0 ? (
        <Card>
          <EmptyState icon="check" title="Nothing to review here">
            Disliked AI answers and low-rated AI conversations appear here as they come in.
          </EmptyState>
        </Card>
      ) : (
        <div className="review-layout">
          <ol className="review-list" aria-label="Review items">
            {items.map((item, index) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="review-row"
                  aria-current={item === current ? 'true' : undefined}
                  onClick={() => setSelected(() => index)}
                >
                  <span className="review-row-top">
                    <Badge tone={STATUS[item.status].tone}>{STATUS[item.status].label}</Badge>
                    <span className="muted">{item.kind === 'answer' ? 'Answer' : 'Rating'}</span>
                    <span className="muted review-row-when">{formatDateTime(item.last_event_at)}</span>
                  </span>
                  <span className="review-row-text">{summaryOf(item)}</span>
                  <span className="muted review-row-meta">
                    {item.conversation.contact_name ?? 'Unknown contact'}
                    {item.assignee ? ` · ${item.assignee.name ?? item.assignee.email}` : ' · Unassigned'}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {current ? (
            <Detail key={`${current.id}:${current.notes ?? ''}`} item={current} onChange={change} busy={busy} />
          ) : null}
        </div>
      )}
    </div>
  );
}
