import { useState } from 'react';
import type { Page, Topic, TopicList, TopicMember } from '../../api/types';
import { Icon } from '../../components/icons';
import { Card, EmptyState, ErrorState, Skeleton } from '../../components/ui';
import { formatDateTime, formatDay } from '../../lib/format';
import { Link } from '../../lib/router';
import { useApi } from '../../lib/use-api';

/**
 * The knowledge gaps of the AI agents as topics: what their disliked answers and low-rated conversations are about,
 * each with its size, dislike rate and trend, and a drill-down to its answers. Under the page's range and filters.
 */

/** Bars of a topic's bad answers per period: the trend at a glance. */
function Sparkline({ trend }: { trend: Topic['trend'] }) {
  const most = Math.max(1, ...trend.map((point) => point.count));
  const width = 4;
  const gap = 2;
  return (
    <svg
      className="topic-spark"
      width={trend.length * (width + gap)}
      height={24}
      role="img"
      aria-label={`Per period: ${trend.map((point) => `${formatDay(point.period)} ${point.count}`).join(', ')}`}
    >
      {trend.map((point, i) => {
        const height = point.count === 0 ? 1 : Math.max(3, (point.count / most) * 24);
        return (
          <rect key={point.period} x={i * (width + gap)} y={24 - height} width={width} height={height} rx={1}>
            <title>{`${formatDay(point.period)}: ${point.count}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "33% disliked (1 of 3) · 4 low ratings": the topic's answers, and its rated conversations when there are low ones. */
function rateText(topic: Topic): string {
  const { disliked, liked, dislike_rate } = topic.answers;
  const parts: string[] = [];
  if (dislike_rate !== null)
    parts.push(`${Math.round(dislike_rate * 100)}% disliked (${disliked} of ${disliked + liked})`);
  if (topic.ratings.low > 0) parts.push(plural(topic.ratings.low, 'low rating', 'low ratings'));
  return parts.join(' · ') || '–';
}

function Members({ topic, query }: { topic: Topic; query: string }) {
  const separator = query ? '&' : '?';
  const members = useApi<Page<TopicMember>>(`/v1/analytics/topics/${topic.id}/members${query}${separator}limit=20`);
  if (members.error) return <ErrorState error={members.error} what="The topic's answers" onRetry={members.reload} />;
  if (!members.data) return <Skeleton lines={3} />;
  return (
    <ul className="gap-list topic-members">
      {members.data.data.map((member) => (
        <li key={`${member.message_uid ?? member.rating_uid}`} className="gap-item">
          <Link
            to={`/conversations/${member.conversation_id}${member.message_uid ? `#message-${member.message_uid}` : ''}`}
            className="gap-link"
          >
            <span className="gap-text">
              {member.message_uid
                ? (member.text ?? 'Text removed (anonymized)')
                : member.comments[0]
                  ? `“${member.comments[0]}”`
                  : 'A low rating without a comment'}
            </span>
          </Link>
          <div className="gap-meta">
            <span className="count count-bad">
              <Icon name="thumbsDown" size={13} /> {member.polarity === 'low' ? 'Low rating' : 'Disliked'}
            </span>
            <span>{formatDateTime(member.at)}</span>
          </div>
          {member.message_uid
            ? member.comments.slice(0, 2).map((comment, index) => (
                <p key={index} className="gap-comment">
                  “{comment}”
                </p>
              ))
            : null}
        </li>
      ))}
      {members.data.next_cursor ? <li className="muted topic-more">Showing the latest 20 of {topic.size}.</li> : null}
    </ul>
  );
}

export function TopicsCard({ query, agentType }: { query: string; agentType: string | null }) {
  const topics = useApi<{ data: TopicList }>(`/v1/analytics/topics${query}`);
  const [open, setOpen] = useState<number | null>(null);
  if (agentType === 'human') return null;
  const data = topics.data?.data;
  return (
    <Card
      title={
        <>
          <Icon name="bulb" size={16} /> Knowledge gaps by topic
        </>
      }
      description={
        data?.computation
          ? `What the AI agents' disliked answers and low-rated conversations are about, grouped from ${data.computation.documents} of them (last 90 days) on ${formatDateTime(data.computation.computed_at)}.`
          : "What the AI agents' disliked answers and low-rated conversations are about."
      }
    >
      {topics.error ? (
        <ErrorState error={topics.error} what="Topics" onRetry={topics.reload} />
      ) : !data ? (
        <Skeleton lines={4} />
      ) : data.topics.length === 0 ? (
        <EmptyState icon="bulb" title={data.computation ? 'No topic in this range' : 'No topics yet'}>
          {data.computation
            ? 'No disliked AI answer or low-rated AI conversation falls in the range and filters.'
            : 'Topics are grouped every few minutes once AI answers get dislikes or low ratings.'}
        </EmptyState>
      ) : (
        <ol className="topic-list">
          {data.topics.map((topic) => {
            const expanded = open === topic.id;
            return (
              <li key={topic.id} className={`topic${expanded ? ' topic-open' : ''}`}>
                <button
                  type="button"
                  className="topic-row"
                  aria-expanded={expanded}
                  onClick={() => setOpen(expanded ? null : topic.id)}
                >
                  <span className="topic-label">{topic.label}</span>
                  <span className="topic-size">{topic.size}</span>
                  <span className="topic-rate">{rateText(topic)}</span>
                  <Sparkline trend={topic.trend} />
                  <Icon name="chevronDown" size={14} className="topic-chevron" />
                </button>
                {expanded ? (
                  <Members topic={topic} query={query} />
                ) : topic.examples[0] ? (
                  <p className="topic-example muted">{topic.examples[0].text ?? 'Text removed (anonymized)'}</p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
