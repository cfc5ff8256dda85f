import { isQuestionCode, type QuestionCode, type QuestionKind } from '../../modules/rating-config/index.js';
import { MAX_COMMENT_LENGTH, type AnswerInput, type Rating } from '../../modules/ratings/index.js';

/** A question as the form asks it: the rating's first stars question is the `stars` field, required as stored. */
export interface FormQuestion {
  code: QuestionCode;
  kind: QuestionKind;
  /** The form field: `stars` for the main question, else the question code. */
  field: string;
  required: boolean;
}

/** What the form shows: each field's chosen option (`4`, `up`, `7`) and the comment, as the rater sent them. */
export interface FormValues {
  choices: Record<string, string>;
  comment: string;
}

type ChoiceError =
  'starsMissing' | 'requiredMissing' | 'answerMissing' | 'starsInvalid' | 'thumbsInvalid' | 'npsInvalid';

export type FieldError = { kind: ChoiceError } | { kind: 'commentTooLong'; length: number };

export type ParsedForm =
  | { ok: true; answers: AnswerInput[]; comment: string | null; values: FormValues }
  | { ok: false; errors: Record<string, FieldError>; values: FormValues };

export const COMMENT_FIELD = 'comment';

const options: Record<QuestionKind, string[]> = {
  stars: ['1', '2', '3', '4', '5'],
  nps: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
  thumbs: ['up', 'down'],
};

/** The options of a question kind, in the order the form lists them. */
export function optionsOf(kind: QuestionKind): string[] {
  return options[kind];
}

const invalid: Record<QuestionKind, ChoiceError> = {
  stars: 'starsInvalid',
  nps: 'npsInvalid',
  thumbs: 'thumbsInvalid',
};

function toValue(kind: QuestionKind, option: string): number {
  if (kind === 'thumbs') return option === 'up' ? 1 : 0;
  return Number(option);
}

function toOption(kind: QuestionKind, value: number): string {
  if (kind === 'thumbs') return value === 1 ? 'up' : 'down';
  return String(value);
}

/**
 * The questions the page asks, in the rating's order; cancelled ones are left out. Each is required as the survey
 * says: an invite's stars are, its further questions are not.
 */
export function formQuestions(rating: Rating): FormQuestion[] {
  const asked = rating.questions.filter((question) => question.status !== 'Cancelled' && isQuestionCode(question.code));
  const main = asked.find((question) => question.kind === 'stars');
  return asked.map((question) => ({
    code: question.code as QuestionCode,
    kind: question.kind as QuestionKind,
    field: question === main ? 'stars' : question.code,
    required: question.required,
  }));
}

/** The rating's current answers, so that a rater who comes back sees them selected. */
export function currentValues(rating: Rating, questions: FormQuestion[]): FormValues {
  const choices: Record<string, string> = {};
  for (const question of questions) {
    const value = rating.questions.find((candidate) => candidate.code === question.code)?.value;
    if (value !== null && value !== undefined) choices[question.field] = toOption(question.kind, value);
  }
  return { choices, comment: rating.comment ?? '' };
}

/**
 * Reads the posted form against the rating's questions: the required ones must be answered, the others and the
 * comment may be left out. Anything else in the body is ignored. A field sent twice counts as invalid, never as its first value. The
 * comment is kept as sent (line breaks as LF) for showing again, and stored trimmed.
 */
export function parseForm(body: unknown, questions: FormQuestion[]): ParsedForm {
  const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const errors: Record<string, FieldError> = {};
  const choices: Record<string, string> = {};
  const answers: AnswerInput[] = [];

  for (const question of questions) {
    const raw = fields[question.field];
    if (raw === undefined || raw === '') {
      if (question.required) {
        errors[question.field] = { kind: question.kind === 'stars' ? 'starsMissing' : 'requiredMissing' };
      }
      continue;
    }
    if (typeof raw !== 'string' || !options[question.kind].includes(raw)) {
      errors[question.field] = { kind: invalid[question.kind] };
      continue;
    }
    choices[question.field] = raw;
    answers.push({ code: question.code, value: toValue(question.kind, raw) });
  }

  // A survey that requires nothing still needs one answer to be worth sending.
  const first = questions[0];
  if (first && answers.length === 0 && !questions.some((question) => question.required) && !errors[first.field]) {
    errors[first.field] = { kind: 'answerMissing' };
  }

  const rawComment = fields[COMMENT_FIELD];
  // Browsers send a textarea's line breaks as CRLF, while `maxlength` counts each as one character.
  const comment = typeof rawComment === 'string' ? rawComment.replace(/\r\n?/g, '\n') : '';
  const trimmed = comment.trim();
  if (trimmed.length > MAX_COMMENT_LENGTH) errors[COMMENT_FIELD] = { kind: 'commentTooLong', length: trimmed.length };

  const values = { choices, comment };
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, answers, comment: trimmed === '' ? null : trimmed, values };
}
