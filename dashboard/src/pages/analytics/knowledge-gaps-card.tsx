import type { AgentType, GapAnswer, KnowledgeGaps } from '../../api/types';
import { Icon } from '../../components/icons';
import { Card, ErrorState, NpsValue, Skeleton, Stars, Thumb } from '../../components/ui';
import { formatDateTime } from '../../lib/format';
import { Link } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { questionLabel, type FilterQuestion } from '../../lib/filter-questions';

/** What the agents get wrong: their most disliked answers and the latest low ratings, under the page's filters. */

const whose: Record<string, { lede: string; agents: string }> = {
  ai: { lede: 'What the AI agents get wrong', agents: 'AI agents' },
  human: { lede: 'What the human agents get wrong', agents: 'human agents' },
};

/** Who the item is about: the agent's name, else what kind of agent it is. */
function AgentKind({ type, name }: { type: AgentType | null; name: string | null }) {
  if (!type && !name) return null;
  return (
    <span className="gap-agent">
      <Icon name={type === 'ai' ? 'bot' : 'user'} size={12} />
      {name ?? (type === 'ai' ? 'AI agent' : 'Human agent')}
    </span>
  );
}

function Answer({ answer, label }: { answer: GapAnswer; label: string }) {
  const scale = answer.kind === 'stars' || answer.kind === 'csat';
  return (
    <span
      className={`gap-answer${answer.low ? ' gap-answer-low' : ''}`}
      title={`${label}${answer.low ? ' (low)' : ''}`}
    >
      {scale ? (
        <Stars value={answer.value} />
      ) : answer.kind === 'nps' ? (
        <NpsValue value={answer.value} />
      ) : answer.kind === 'ces' ? (
        <span className="gap-answer-value">{answer.value}/7</span>
      ) : (
        <Thumb value={answer.value === 1 ? 'up' : 'down'} label={label} />
      )}
      {scale || answer.kind === 'ces' ? <span className="gap-answer-label">{label}</span> : null}
    </span>
  );
}

export function KnowledgeGapsCard({
  query,
  agentType,
  questions,
}: {
  query: string;
  agentType: string | null;
  /** The questions by name, the organization's own among them. */
  questions: FilterQuestion[];
}) {
  const separator = query ? '&' : '?';
  const gaps = useApi<{ data: KnowledgeGaps }>(`/v1/analytics/knowledge-gaps${query}${separator}limit=8`);
  const data = gaps.data?.data;
  const scope = agentType ? whose[agentType] : undefined;
  return (
    <Card
      title={
        <>
          <Icon name="bulb" size={16} /> Knowledge gaps
        </>
      }
      description={
        scope
          ? `${scope.lede}: their most disliked answers, and the latest low ratings of their conversations.`
          : 'What the agents get wrong, AI and human alike: the answers people disliked most, and the latest low ratings.'
      }
    >
      {gaps.error ? (
        <ErrorState error={gaps.error} what="Knowledge gaps" onRetry={gaps.reload} />
      ) : !data ? (
        <Skeleton lines={5} />
      ) : (
        <div className="gaps">
          <div>
            <h3 className="subheading">Disliked answers</h3>
            {data.messages.length === 0 ? (
              <p className="muted gap-empty">No answer of {scope?.agents ?? 'an agent'} got a dislike in this range.</p>
            ) : (
              <ul className="gap-list">
                {data.messages.map((message) => (
                  <li key={message.message_uid} className="gap-item">
                    <Link
                      to={`/conversations/${message.conversation_id}#message-${message.message_uid}`}
                      className="gap-link"
                    >
                      <span className="gap-text">{message.text ?? 'Text removed (anonymized)'}</span>
                    </Link>
                    <div className="gap-meta">
                      <span className="count count-bad">
                        <Icon name="thumbsDown" size={13} /> {message.dislikes}
                        <span className="visually-hidden"> dislikes</span>
                      </span>
                      <span className="count count-good">
                        <Icon name="thumbsUp" size={13} /> {message.likes}
                        <span className="visually-hidden"> likes</span>
                      </span>
                      {agentType && !message.agent_name ? null : (
                        <AgentKind type={message.agent_type} name={message.agent_name} />
                      )}
                      <span>{formatDateTime(message.last_feedback_at)}</span>
                    </div>
                    {message.comments.slice(0, 2).map((comment, index) => (
                      <p key={index} className="gap-comment">
                        “{comment}”
                      </p>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h3 className="subheading">Low ratings</h3>
            {data.conversations.length === 0 ? (
              <p className="muted gap-empty">
                No low rating of {scope ? `a conversation of ${scope.agents}` : 'a conversation'} in this range.
              </p>
            ) : (
              <ul className="gap-list">
                {data.conversations.map((rating) => (
                  <li key={rating.rating_uid} className="gap-item">
                    <Link to={`/conversations/${rating.conversation_id}`} className="gap-link">
                      <span className="gap-text">{rating.comment ? `“${rating.comment}”` : 'No comment'}</span>
                    </Link>
                    <div className="gap-meta">
                      <span className="gap-answers">
                        {rating.questions.map((answer) => (
                          <Answer key={answer.code} answer={answer} label={questionLabel(questions, answer.code)} />
                        ))}
                      </span>
                      {agentType && !rating.agent_name ? null : (
                        <AgentKind type={rating.agent_type} name={rating.agent_name} />
                      )}
                      <span>{formatDateTime(rating.answered_at)}</span>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </Card>
  );
}
