import type { Rating, RatingQuestion } from '../api/types';
import { Icon } from '../components/icons';
import { Badge, NpsValue, Stars, Thumb, type Tone } from '../components/ui';
import { formatDateTime } from '../lib/format';
import { useQuestionDirectory, type QuestionDirectory } from '../lib/question-directory';

// A conversation's rating card: what was asked and answered, and what became of the invite.

/** The five CSAT answers, as the rating page words them in English. */
const CSAT_WORDS = ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'];

function AnswerValue({ question, names }: { question: RatingQuestion; names: QuestionDirectory }) {
  if (question.status !== 'Rated') {
    return <span className="muted">{question.status === 'Cancelled' ? 'Withdrawn' : 'No answer'}</span>;
  }
  if (question.kind === 'choice') {
    const chosen = (question.choices ?? []).map((id) => names.option(question.code, id));
    return <span>{chosen.length > 0 ? chosen.join(', ') : <span className="muted">None chosen</span>}</span>;
  }
  if (question.kind === 'text') return <span className="answer-text">“{question.text ?? ''}”</span>;
  if (question.value === null) return <span className="muted">No answer</span>;
  if (question.kind === 'stars') {
    return (
      <span className="answer-stars">
        <Stars value={question.value} size={16} />
        <span className="answer-number">{question.value}/5</span>
      </span>
    );
  }
  if (question.kind === 'csat') {
    return (
      <span>
        <span className="answer-number">{question.value}/5</span> {CSAT_WORDS[question.value - 1]}
      </span>
    );
  }
  if (question.kind === 'ces') {
    return (
      <span title="1 is very difficult, 7 very easy">
        <span className="answer-number">{question.value}/7</span> effort
      </span>
    );
  }
  if (question.kind === 'nps') return <NpsValue value={question.value} />;
  return <Thumb value={question.value === 1 ? 'up' : 'down'} label={names.name(question.code)} />;
}

const statusTones: Record<Rating['status'], { tone: Tone; label: string }> = {
  rated: { tone: 'good', label: 'Answered' },
  partially_rated: { tone: 'info', label: 'Partly answered' },
  offered: { tone: 'neutral', label: 'Waiting for an answer' },
  expired: { tone: 'warn', label: 'Expired' },
  cancelled: { tone: 'neutral', label: 'Cancelled' },
};

const sourceNames: Record<Rating['source'], string> = {
  invite: 'Rating invite',
  popup: 'End-of-chat popup',
  offer: 'Survey offer',
  api: 'Recorded by API',
};

interface Step {
  label: string;
  at: string | null;
  state: 'done' | 'pending' | 'failed';
  note?: string;
}

/**
 * Offered → opened → answered, or where it stopped: expired or cancelled. A cancel after an answer withdrew only the
 * questions still waiting: the answer stands, and the timeline says when the rest was withdrawn.
 */
function timelineOf(rating: Rating): Step[] {
  const steps: Step[] = [{ label: 'Offered', at: rating.offered_at, state: 'done' }];
  const answeredAt =
    rating.submitted_at ?? rating.questions.find((question) => question.answered_at)?.answered_at ?? null;
  if (rating.source === 'invite' || rating.opened_at) {
    steps.push(
      rating.opened_at
        ? { label: 'Opened', at: rating.opened_at, state: 'done' }
        : { label: 'Not opened', at: null, state: answeredAt ? 'done' : 'pending' },
    );
  }
  if (answeredAt) {
    steps.push({
      label: rating.status === 'partially_rated' ? 'Partly answered' : 'Answered',
      at: answeredAt,
      state: 'done',
    });
  }
  if (rating.status === 'cancelled') {
    steps.push({ label: 'Cancelled', at: rating.cancelled_at, state: 'failed' });
  } else if (rating.cancelled_at) {
    const withdrawn = rating.questions.filter((question) => question.status === 'Cancelled').length;
    steps.push({
      label: `${withdrawn === 1 ? 'Unanswered question' : 'Unanswered questions'} withdrawn`,
      at: rating.cancelled_at,
      state: 'failed',
    });
  } else if (rating.status === 'expired') {
    steps.push({ label: 'Expired', at: rating.expires_at, state: 'failed' });
  } else if (!answeredAt || rating.status === 'partially_rated') {
    steps.push({
      label: rating.expires_at ? 'Expires' : 'Waiting',
      at: rating.expires_at,
      state: 'pending',
      note: rating.expires_at ? undefined : 'No expiry',
    });
  }
  return steps;
}

/** One rating of the conversation: its answers, each question by its name, its comment and its timeline. */
export function RatingCard({ rating }: { rating: Rating }) {
  const status = statusTones[rating.status];
  const names = useQuestionDirectory();
  return (
    <article className="rating-card" aria-label={`${sourceNames[rating.source]}, ${status.label}`}>
      <header className="rating-card-header">
        <span className="rating-source">{sourceNames[rating.source]}</span>
        <Badge tone={status.tone}>{status.label}</Badge>
      </header>
      <dl className="answers">
        {rating.questions.map((question) => (
          <div key={question.code} className="answer">
            <dt>
              {names.name(question.code)}
              {question.required ? null : <span className="answer-optional">optional</span>}
            </dt>
            <dd>
              <AnswerValue question={question} names={names} />
              {question.reasons && question.reasons.length > 0 ? (
                <span className="answer-reasons">
                  Why: {question.reasons.map((id) => names.reason(question.code, id)).join(', ')}
                </span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      {rating.comment ? (
        <blockquote className="quote">
          <Icon name="comment" size={14} />
          <p>{rating.comment}</p>
        </blockquote>
      ) : null}
      <ol className="timeline" aria-label="Timeline">
        {timelineOf(rating).map((step) => (
          <li key={step.label} className={`timeline-step step-${step.state}`}>
            <span className="timeline-dot" aria-hidden="true" />
            <span className="timeline-label">{step.label}</span>
            <span className="timeline-time">
              {step.at ? <time dateTime={step.at}>{formatDateTime(step.at)}</time> : (step.note ?? '')}
            </span>
          </li>
        ))}
      </ol>
    </article>
  );
}
