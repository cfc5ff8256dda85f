import type { Db } from '../../db/database.js';
import { toJson } from '../../db/values.js';
import { AppError } from '../../errors.js';
import type { QuestionDefinition, QuestionsService } from '../questions/index.js';
import {
  isLowAnswer,
  isQuestionCode,
  isValidValue,
  scaleRange,
  valueRange,
  type QuestionKind,
} from '../rating-config/index.js';
import type { QuestionRow } from './ratings.repository.js';

/** Longest answer of a text question, as long as a comment may be. */
export const MAX_ANSWER_TEXT_LENGTH = 2000;

/** What one answer brings, whichever surface sent it. */
export interface AnswerValues {
  value?: number | null | undefined;
  choices?: string[] | undefined;
  text?: string | undefined;
  reasons?: string[] | undefined;
}

/** The columns an answer writes. Built-in codes write only `value`, as they always have. */
export type StoredAnswer =
  | { value: number }
  | { value: number | null; choices: string | null; reasons: string | null; answer_text: string | null };

/** The definitions the survey's own questions were asked in, by `code@version`. */
export type AskedDefinitions = Map<string, QuestionDefinition>;

const keyOf = (code: string, version: number) => `${code}@${version}`;

/** Reads the definitions of the organization's own questions among `questions` (none read for built-in codes). */
export async function askedDefinitions(
  service: QuestionsService | undefined,
  db: Db,
  orgId: number,
  questions: readonly QuestionRow[],
): Promise<AskedDefinitions> {
  const own = questions.filter((question) => question.question_version !== null && !isQuestionCode(question.code));
  if (own.length === 0 || !service) return new Map();
  return service.definitions(orgId, [...new Set(own.map((question) => question.code))], db);
}

function refused(message: string): AppError {
  return new AppError('invalid_rating_value', message);
}

function idsFrom(field: string, code: string, ids: readonly string[], known: ReadonlyArray<{ id: string }>): string[] {
  const allowed = new Set(known.map((option) => option.id));
  const stray = ids.filter((id) => !allowed.has(id));
  if (stray.length > 0) {
    throw refused(
      `${code} has no ${field === 'choices' ? 'option' : 'reason'} ${stray
        .slice(0, 3)
        .map((id) => JSON.stringify(id.slice(0, 64)))
        .join(', ')}; it has: ${[...allowed].join(', ') || 'none'}.`,
    );
  }
  if (new Set(ids).size !== ids.length) throw refused(`${code}: each of ${field} may be named once.`);
  return [...ids];
}

/** A built-in code's answer: a number in its kind's range, nothing else. The refusal reads as it always has. */
function builtInAnswer(question: QuestionRow, answer: AnswerValues): StoredAnswer {
  const kind = question.kind as QuestionKind;
  const { value } = answer;
  if (!isValidValue(kind, value)) {
    const { min, max } = valueRange[kind];
    throw refused(
      `${question.code} takes a whole number from ${min} to ${max}${kind === 'thumbs' ? ' (1 up, 0 down)' : ''}; got ${JSON.stringify(value)}.`,
    );
  }
  if (answer.choices !== undefined || answer.text !== undefined || (answer.reasons?.length ?? 0) > 0) {
    throw refused(`${question.code} takes a value only: no choices, text or reasons.`);
  }
  return { value };
}

/**
 * Checks one answer against the question it answers and answers the columns to write; refuses (400
 * `invalid_rating_value`) a value out of the kind's range, a choice the question does not have (or several where it
 * takes one), an empty or too long text, and reasons that are not the version's follow-up or come without a low answer.
 */
export function storedAnswer(question: QuestionRow, answer: AnswerValues, definitions: AskedDefinitions): StoredAnswer {
  if (question.question_version === null || isQuestionCode(question.code)) return builtInAnswer(question, answer);
  const { code, kind } = question;
  const definition = definitions.get(keyOf(code, Number(question.question_version)));
  const stored = { value: null as number | null, choices: null as string | null, reasons: null as string | null };
  let text: string | null = null;
  const range = scaleRange[kind as keyof typeof scaleRange];
  if (range) {
    const { value } = answer;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
      throw refused(
        `${code} takes a whole number from ${range.min} to ${range.max}${kind === 'thumbs' ? ' (1 up, 0 down)' : ''}; got ${JSON.stringify(value ?? null)}.`,
      );
    }
    if (answer.choices !== undefined || answer.text !== undefined) {
      throw refused(`${code} is a ${kind} question: it takes a value, not choices or text.`);
    }
    stored.value = value;
  } else if (kind === 'choice') {
    if ((answer.value ?? null) !== null || answer.text !== undefined) {
      throw refused(`${code} is a choice question: send the option ids chosen as choices.`);
    }
    const choices = idsFrom('choices', code, answer.choices ?? [], definition?.options ?? []);
    if (choices.length === 0) throw refused(`${code} needs at least one of its options in choices.`);
    if (choices.length > 1 && !definition?.multiple) throw refused(`${code} takes one option; got ${choices.length}.`);
    stored.choices = toJson(choices);
  } else if (kind === 'text') {
    if ((answer.value ?? null) !== null || answer.choices !== undefined) {
      throw refused(`${code} is a text question: send the answer as text.`);
    }
    const trimmed = answer.text?.trim() ?? '';
    if (trimmed === '') throw refused(`${code} needs a text answer.`);
    if ([...trimmed].length > MAX_ANSWER_TEXT_LENGTH) {
      throw refused(`${code}'s answer is longer than ${MAX_ANSWER_TEXT_LENGTH} characters.`);
    }
    text = trimmed;
  }
  const reasons = answer.reasons ?? [];
  if (reasons.length > 0) {
    if (!definition?.follow_up || definition.follow_up.reasons.length === 0) {
      throw refused(`${code} asks for no reasons.`);
    }
    if (!isLowAnswer(kind, stored.value)) {
      throw refused(`${code} asks for reasons after a low answer only; ${stored.value} is not one.`);
    }
    stored.reasons = toJson(idsFrom('reasons', code, reasons, definition.follow_up.reasons));
  }
  return { ...stored, answer_text: text };
}
