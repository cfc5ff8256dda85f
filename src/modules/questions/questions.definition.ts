import { AppError } from '../../errors.js';
import { isLanguage, languages, questionCatalog, type AnyQuestionKind } from '../rating-config/index.js';

/** Texts per language, e.g. `{ en: 'Price', de: 'Preis' }`. */
export type Texts = Record<string, string>;

export interface QuestionOption {
  id: string;
  labels: Texts;
}

export interface FollowUp {
  reasons: QuestionOption[];
  comment_prompt: Texts;
}

/** A version's content: what a question asks and how. Stored as JSON in `question_versions.definition`. */
export interface QuestionDefinition {
  labels: Texts;
  help: Texts;
  required: boolean;
  options: QuestionOption[];
  multiple: boolean;
  follow_up: FollowUp | null;
}

/** The definition as a client sends it: only `labels` is needed. */
export interface DefinitionInput {
  labels?: Texts | undefined;
  help?: Texts | null | undefined;
  required?: boolean | undefined;
  options?: QuestionOption[] | null | undefined;
  multiple?: boolean | undefined;
  follow_up?: { reasons?: QuestionOption[] | undefined; comment_prompt?: Texts | undefined } | null | undefined;
}

export const MAX_LABEL_LENGTH = 200;
export const MAX_HELP_LENGTH = 500;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;
export const MAX_REASONS = 10;

const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/** The kinds a follow-up may be asked after: those with a low answer. */
const FOLLOW_UP_KINDS: ReadonlySet<AnyQuestionKind> = new Set(['stars', 'csat', 'nps', 'ces', 'thumbs']);

function invalid(message: string): AppError {
  return new AppError('invalid_question_definition', message);
}

/** Refuses a code that is not UPPER_SNAKE of 2 to 40 characters, or one the built-in catalogue has. */
export function checkCode(code: string): void {
  if (code.length < 2 || code.length > 40 || !UPPER_SNAKE.test(code)) {
    throw new AppError(
      'invalid_question_code',
      `"${code.slice(0, 64)}" is not a question code: use 2 to 40 capital letters, digits and single underscores, ` +
        'starting with a letter, e.g. EASE_OF_HELP.',
    );
  }
  if (Object.hasOwn(questionCatalog, code)) {
    throw new AppError('question_code_taken', `${code} is a built-in question code; choose another.`);
  }
}

function checkTexts(field: string, texts: Texts, maxLength: number, required: boolean): Texts {
  const entries = Object.entries(texts);
  if (required && entries.length === 0) throw invalid(`${field} needs a text in at least one language.`);
  const checked: Texts = {};
  for (const [language, text] of entries) {
    if (!isLanguage(language)) {
      throw new AppError(
        'unsupported_language',
        `${field} has a text in "${language.slice(0, 32)}", which Plaudit does not speak. Supported: ${languages.join(', ')}.`,
      );
    }
    const trimmed = text.trim();
    if (trimmed === '') throw invalid(`${field}.${language} is empty; leave the language out instead.`);
    if (trimmed.length > maxLength) throw invalid(`${field}.${language} is longer than ${maxLength} characters.`);
    checked[language] = trimmed;
  }
  return checked;
}

function checkOptions(field: string, options: QuestionOption[]): QuestionOption[] {
  const seen = new Set<string>();
  return options.map((option, index) => {
    if (option.id.length < 1 || option.id.length > 40 || !UPPER_SNAKE.test(option.id)) {
      throw invalid(`${field}[${index}].id must be UPPER_SNAKE of at most 40 characters, e.g. TOO_SLOW.`);
    }
    if (seen.has(option.id)) throw invalid(`${field} has ${option.id} twice; each id must be unique.`);
    seen.add(option.id);
    return { id: option.id, labels: checkTexts(`${field}[${index}].labels`, option.labels, MAX_LABEL_LENGTH, true) };
  });
}

/**
 * The definition a question of `kind` stores, from what a client sent: every rule checked, texts trimmed, absent
 * fields at their defaults. Throws `invalid_question_definition` (or `unsupported_language`) naming the field.
 */
export function checkDefinition(kind: AnyQuestionKind, input: DefinitionInput): QuestionDefinition {
  const labels = checkTexts('labels', input.labels ?? {}, MAX_LABEL_LENGTH, true);
  const help = checkTexts('help', input.help ?? {}, MAX_HELP_LENGTH, false);
  const options = input.options ?? [];
  if (kind === 'choice') {
    if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
      throw invalid(`A choice question needs ${MIN_OPTIONS} to ${MAX_OPTIONS} options; it has ${options.length}.`);
    }
  } else {
    if (options.length > 0) throw invalid(`options are for choice questions only, not ${kind}.`);
    if (input.multiple) throw invalid(`multiple is for choice questions only, not ${kind}.`);
  }
  let followUp: FollowUp | null = null;
  if (input.follow_up) {
    if (!FOLLOW_UP_KINDS.has(kind)) {
      throw invalid(`A ${kind} question has no low answer, so it takes no follow_up.`);
    }
    const reasons = input.follow_up.reasons ?? [];
    if (reasons.length > MAX_REASONS) {
      throw invalid(`follow_up.reasons holds at most ${MAX_REASONS} reasons; it has ${reasons.length}.`);
    }
    followUp = {
      reasons: checkOptions('follow_up.reasons', reasons),
      comment_prompt: checkTexts(
        'follow_up.comment_prompt',
        input.follow_up.comment_prompt ?? {},
        MAX_LABEL_LENGTH,
        false,
      ),
    };
  }
  return {
    labels,
    help,
    required: input.required ?? true,
    options: kind === 'choice' ? checkOptions('options', options) : [],
    multiple: kind === 'choice' ? (input.multiple ?? false) : false,
    follow_up: followUp,
  };
}

/**
 * A text in the language asked for, falling back to the organization's default language, then English, then the first
 * language it has; undefined when it has none.
 */
export function textIn(texts: Texts | undefined, language: string | null | undefined, orgDefault?: string | null) {
  if (!texts) return undefined;
  for (const candidate of [language, orgDefault, 'en']) {
    if (candidate && Object.hasOwn(texts, candidate)) return texts[candidate];
  }
  return Object.values(texts)[0];
}
