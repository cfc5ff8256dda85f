import { useEffect, useMemo, useState } from 'react';
import type { Conversation, FeedbackRecord, Message, Rating } from '../api/types';
import { Icon } from '../components/icons';
import { Badge, Card, EmptyState, ErrorState, FeedbackCounts, Skeleton } from '../components/ui';
import { agentLabel, nameIn, useAgentDirectory } from '../lib/agents';
import { channelName, formatDateTime, formatTime, shortId } from '../lib/format';
import { lastInboxSearch } from '../lib/inbox-state';
import { Link, useRouter } from '../lib/router';
import { useApi } from '../lib/use-api';
import { useSignedIn } from '../session';
import { RatingCard } from './conversation-rating';

const roleNames: Record<Message['role'], string> = {
  user: 'Contact',
  agent: 'Agent',
  ai: 'AI agent',
  system: 'System',
};

/** The feedback every author gave on a message: their current like/dislike and comment, and the full log. */
function MessageFeedback({ uid }: { uid: string }) {
  const me = useSignedIn().user.id;
  const { data, error } = useApi<{ data: FeedbackRecord[] }>(`/v1/messages/${uid}/feedback/history`);
  if (error) return <p className="feedback-error">Couldn’t load the feedback: {error.message}</p>;
  if (!data) return <Skeleton lines={1} />;
  const latest = new Map<string, FeedbackRecord>();
  for (const record of data.data) latest.set(record.user_id, record);
  const current = [...latest.values()].filter((record) => record.rating || record.comment);
  return (
    <div className="message-feedback">
      {current.length > 0 ? (
        <ul className="feedback-list" aria-label="Feedback on this message">
          {current.map((record) => (
            <li key={record.uid} className="feedback-item">
              {record.rating ? (
                <span className={`thumb thumb-${record.rating === 'like' ? 'up' : 'down'}`}>
                  <Icon name={record.rating === 'like' ? 'thumbsUp' : 'thumbsDown'} size={13} />
                  <span className="visually-hidden">{record.rating === 'like' ? 'Liked' : 'Disliked'}</span>
                </span>
              ) : null}
              <span className="feedback-text">
                {record.comment ?? <span className="muted">{record.rating === 'like' ? 'Liked' : 'Disliked'}</span>}
              </span>
              <span className="feedback-author">
                {record.user_id === me ? 'You' : (record.author_name ?? 'A teammate')}
              </span>
              <time className="feedback-time" dateTime={record.created_at}>
                {formatDateTime(record.created_at)}
              </time>
            </li>
          ))}
        </ul>
      ) : null}
      {data.data.length > current.length ? (
        <details className="feedback-history">
          <summary>Full history ({data.data.length} records)</summary>
          <ol>
            {data.data.map((record) => (
              <li key={record.uid}>
                <time dateTime={record.created_at}>{formatDateTime(record.created_at)}</time> ·{' '}
                {record.user_id === me ? 'you' : (record.author_name ?? 'a teammate')} · {record.rating ?? 'no rating'}
                {record.comment ? ` · “${record.comment}”` : ''}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}

/** Which model and prompt version wrote an answer, and its tags; the trace id on hover. */
function MessageVersion({ message }: { message: Message }) {
  const version = [message.model, message.prompt_version].filter(Boolean).join(' · ');
  if (!version && message.tags.length === 0) return null;
  return (
    <span className="message-version" title={message.trace_id ? `Trace ${message.trace_id}` : undefined}>
      {version ? <span className="mono">{version}</span> : null}
      {message.tags.map((tag) => (
        <span key={tag} className="tag-chip">
          {tag}
        </span>
      ))}
    </span>
  );
}

function MessageItem({
  message,
  author,
  highlighted,
}: {
  message: Message;
  /** The name of who wrote it (the contact, or the agent), when it is known. */
  author: string | null;
  highlighted: boolean;
}) {
  const hasFeedback = message.likes + message.dislikes + message.comments > 0;
  const [open, setOpen] = useState(hasFeedback);
  const fromContact = message.role === 'user';
  return (
    <li
      id={`message-${message.uid}`}
      tabIndex={-1}
      className={`message message-${message.role}${highlighted ? ' is-highlighted' : ''}`}
      aria-label={`${author ?? roleNames[message.role]} at ${formatTime(message.created_at)}`}
    >
      <div className="message-meta">
        <span className="message-role">
          <Icon name={message.role === 'ai' ? 'bot' : fromContact ? 'user' : 'comment'} size={13} />
          {author ?? roleNames[message.role]}
        </span>
        <time dateTime={message.created_at} title={formatDateTime(message.created_at)}>
          {formatTime(message.created_at)}
        </time>
        <MessageVersion message={message} />
        <a className="message-anchor" href={`#message-${message.uid}`} aria-label="Link to this message">
          <Icon name="hash" size={12} />
        </a>
      </div>
      <div className="message-bubble">
        {message.text ?? <span className="muted">Removed when the conversation was anonymized.</span>}
      </div>
      {!fromContact || hasFeedback ? (
        <div className="message-footer">
          <FeedbackCounts likes={message.likes} dislikes={message.dislikes} comments={message.comments} />
          {hasFeedback && !open ? (
            <button type="button" className="link-button" onClick={() => setOpen(true)}>
              Show feedback
            </button>
          ) : null}
        </div>
      ) : null}
      {open && hasFeedback ? <MessageFeedback uid={message.uid} /> : null}
    </li>
  );
}

export function ConversationPage({ id }: { id: string }) {
  const { location } = useRouter();
  const agents = useAgentDirectory();
  const base = `/v1/conversations/${encodeURIComponent(id)}`;
  const conversation = useApi<{ data: Conversation }>(base);
  const messages = useApi<{ data: Message[] }>(`${base}/messages`);
  const ratings = useApi<{ data: Rating[] }>(`${base}/ratings`);
  const agentOf = (agentId: string) => agents.find((agent) => agent.agent_id === agentId);
  /** A contact's message is signed with their name; an agent's by its author, else by the conversation's agent. */
  const authorOf = (message: Message): string | null => {
    const c = conversation.data?.data;
    if (message.role === 'user') return c && !c.anonymized_at ? c.contact_name : null;
    if (message.role !== 'agent' && message.role !== 'ai') return null;
    if (message.author_id) return nameIn(agents, message.author_id);
    return c?.agent_id && c.agent_type === (message.role === 'ai' ? 'ai' : 'human') ? c.agent_name : null;
  };
  const target = location.hash.startsWith('#message-') ? location.hash.slice('#message-'.length) : null;
  const loaded = messages.data !== undefined;
  const highlighted = loaded ? target : null;
  useEffect(() => {
    if (!target || !loaded) return;
    const element = document.getElementById(`message-${target}`);
    if (!element) return;
    element.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    element.focus({ preventScroll: true });
  }, [target, loaded]);

  const c = conversation.data?.data;
  const counts = useMemo(() => {
    const list = messages.data?.data ?? [];
    return list.reduce(
      (sum, message) => ({
        likes: sum.likes + message.likes,
        dislikes: sum.dislikes + message.dislikes,
        comments: sum.comments + message.comments,
      }),
      { likes: 0, dislikes: 0, comments: 0 },
    );
  }, [messages.data]);

  if (conversation.error) {
    return (
      <div className="page">
        <BackLink />
        {conversation.error.status === 404 && !conversation.error.missingRoute ? (
          <EmptyState icon="alert" title="This conversation does not exist">
            <p>It may belong to another organization, or the link is wrong.</p>
          </EmptyState>
        ) : (
          <ErrorState error={conversation.error} what="The conversation" onRetry={conversation.reload} />
        )}
      </div>
    );
  }

  const title = c
    ? c.anonymized_at
      ? 'Anonymized contact'
      : c.contact_name || c.contact_email || 'Unknown contact'
    : '';

  return (
    <div className="page">
      <BackLink />
      <header className="page-header conversation-header">
        {c ? (
          <div>
            <h1>{title}</h1>
            <ul className="meta-list" aria-label="About this conversation">
              <li>
                <Badge tone={c.status === 'open' ? 'info' : 'neutral'}>{c.status === 'open' ? 'Open' : 'Closed'}</Badge>
              </li>
              <li>{channelName(c.channel)}</li>
              <li>
                <span className="agent">
                  <Icon name={c.agent_type === 'ai' ? 'bot' : 'user'} size={14} />
                  {agentLabel(c.agent_name, c.agent_id, c.agent_type)}
                </span>
              </li>
              <li>
                Started <time dateTime={c.created_at}>{formatDateTime(c.created_at)}</time>
              </li>
              <li>
                {c.message_count} message{c.message_count === 1 ? '' : 's'}
              </li>
            </ul>
          </div>
        ) : (
          <Skeleton lines={2} />
        )}
      </header>

      {c?.anonymized_at ? (
        <p className="notice">
          <Icon name="ban" size={15} /> Anonymized on {formatDateTime(c.anonymized_at)}: the texts and the contact’s
          data are gone; ratings and feedback still count.
        </p>
      ) : null}

      <div className="conversation-layout">
        <Card
          title="Transcript"
          className="transcript-card"
          actions={<FeedbackCounts likes={counts.likes} dislikes={counts.dislikes} comments={counts.comments} />}
        >
          {messages.error ? (
            <ErrorState error={messages.error} what="Messages" onRetry={messages.reload} />
          ) : !messages.data ? (
            <Skeleton lines={6} height={40} />
          ) : messages.data.data.length === 0 ? (
            <EmptyState icon="comment" title="No messages yet" />
          ) : (
            <ol className="transcript">
              {messages.data.data.map((message) => (
                <MessageItem
                  key={message.uid}
                  message={message}
                  author={authorOf(message)}
                  highlighted={highlighted === message.uid}
                />
              ))}
            </ol>
          )}
        </Card>

        <div className="side-column">
          <Card title="Ratings">
            {ratings.error ? (
              <ErrorState error={ratings.error} what="Ratings" onRetry={ratings.reload} />
            ) : !ratings.data ? (
              <Skeleton lines={4} />
            ) : ratings.data.data.length === 0 ? (
              <EmptyState icon="star" title="Not rated">
                <p>No rating was asked for in this conversation.</p>
              </EmptyState>
            ) : (
              <div className="rating-list">
                {[...ratings.data.data].reverse().map((rating) => (
                  <RatingCard key={rating.uid} rating={rating} />
                ))}
              </div>
            )}
          </Card>
          {c ? (
            <Card title="Details">
              <dl className="details">
                {c.contact_email && !c.anonymized_at ? (
                  <div>
                    <dt>Email</dt>
                    <dd>{c.contact_email}</dd>
                  </div>
                ) : null}
                {c.agent_id ? (
                  <div>
                    <dt>Agent</dt>
                    <dd>
                      {agentLabel(c.agent_name, c.agent_id, c.agent_type)}
                      {agentOf(c.agent_id)?.model ? (
                        <span className="muted"> · {agentOf(c.agent_id)!.model}</span>
                      ) : null}
                    </dd>
                  </div>
                ) : null}
                {c.external_id ? (
                  <div>
                    <dt>External id</dt>
                    <dd className="mono">{c.external_id}</dd>
                  </div>
                ) : null}
                <div>
                  <dt>Conversation</dt>
                  <dd className="mono">
                    {c.id} · {shortId(c.uid)}
                  </dd>
                </div>
                {c.language ? (
                  <div>
                    <dt>Language</dt>
                    <dd>{c.language}</dd>
                  </div>
                ) : null}
                {c.tags.length > 0 ? (
                  <div>
                    <dt>Tags</dt>
                    <dd className="tag-list">
                      {c.tags.map((tag) => (
                        <span key={tag} className="tag-chip">
                          {tag}
                        </span>
                      ))}
                    </dd>
                  </div>
                ) : null}
                {c.closed_at ? (
                  <div>
                    <dt>Closed</dt>
                    <dd>{formatDateTime(c.closed_at)}</dd>
                  </div>
                ) : null}
                {Object.entries(c.metadata).map(([key, value]) => (
                  <div key={key}>
                    <dt className="mono">{key}</dt>
                    <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
                  </div>
                ))}
              </dl>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}

function BackLink() {
  return (
    <Link to={`/inbox${lastInboxSearch()}`} className="back-link">
      <Icon name="arrowLeft" size={15} /> Inbox
    </Link>
  );
}
