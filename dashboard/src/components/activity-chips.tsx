import { questionLabel, useFilterQuestions } from '../lib/filter-questions';
import { formatDay } from '../lib/format';
import { Icon } from './icons';

/**
 * The inbox's activity filters — conversations answered, or given message feedback, on some days — as chips that say
 * what they select and take it away. They are what a click on an analytics figure opens.
 */

export const ACTIVITY_FILTERS = [
  'answered_from',
  'answered_to',
  'answered_kind',
  'answered_question',
  'feedback_from',
  'feedback_to',
] as const;
export type ActivityFilter = (typeof ACTIVITY_FILTERS)[number];

const kinds: Record<string, string> = {
  stars: 'star and CSAT answers',
  nps: 'NPS answers',
  ces: 'effort (CES) answers',
  thumbs: 'thumbs answers',
};

function days(from: string | undefined, to: string | undefined): string {
  if (from && to) return from === to ? `on ${formatDay(from, true)}` : `${formatDay(from)} – ${formatDay(to, true)}`;
  if (from) return `since ${formatDay(from, true)}`;
  if (to) return `until ${formatDay(to, true)}`;
  return '';
}

function Chip({ label, onRemove, what }: { label: string; onRemove: () => void; what: string }) {
  return (
    <span className="chip">
      {label}
      <button type="button" aria-label={`Remove the ${what} filter`} onClick={onRemove}>
        <Icon name="x" size={12} />
      </button>
    </span>
  );
}

export function ActivityChips({
  filters,
  onRemove,
}: {
  filters: Partial<Record<ActivityFilter, string>>;
  onRemove: (names: ActivityFilter[]) => void;
}) {
  // The organization's own questions by name, read only when the chip names one.
  const questions = useFilterQuestions(Boolean(filters.answered_question));
  const answered = filters.answered_from || filters.answered_to || filters.answered_kind || filters.answered_question;
  const feedback = filters.feedback_from || filters.feedback_to;
  if (!answered && !feedback) return null;
  const what = filters.answered_question
    ? `${questionLabel(questions, filters.answered_question)} answers`
    : filters.answered_kind
      ? (kinds[filters.answered_kind] ?? `${filters.answered_kind} answers`)
      : 'any answer';
  return (
    <>
      {answered ? (
        <Chip
          what="answered"
          label={['Answered', days(filters.answered_from, filters.answered_to), `· ${what}`].filter(Boolean).join(' ')}
          onRemove={() => onRemove(['answered_from', 'answered_to', 'answered_kind', 'answered_question'])}
        />
      ) : null}
      {feedback ? (
        <Chip
          what="message feedback"
          label={`Message liked or disliked ${days(filters.feedback_from, filters.feedback_to)}`}
          onRemove={() => onRemove(['feedback_from', 'feedback_to'])}
        />
      ) : null}
    </>
  );
}
