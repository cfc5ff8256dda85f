/** The kinds of question a rating can ask, and the values each accepts. */
export const questionKinds = ['stars', 'nps', 'thumbs'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** Known question codes and their kinds. More may be added; a code never changes kind. */
export const questionCatalog = {
  HELPFUL_THUMBS: 'thumbs',
  EXPERIENCE_THUMBS: 'thumbs',
  CSAT: 'stars',
  STARS: 'stars',
  NPS: 'nps',
} as const satisfies Record<string, QuestionKind>;

export type QuestionCode = keyof typeof questionCatalog;

export const questionCodes = Object.keys(questionCatalog) as QuestionCode[];

export function isQuestionCode(code: string): code is QuestionCode {
  return Object.hasOwn(questionCatalog, code);
}

export function kindOf(code: QuestionCode): QuestionKind {
  return questionCatalog[code];
}

/** Inclusive value range per kind: stars/CSAT 1-5, NPS 0-10, thumbs 1 (up) or 0 (down). */
export const valueRange: Record<QuestionKind, { min: number; max: number }> = {
  stars: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  thumbs: { min: 0, max: 1 },
};

/**
 * Every kind a question may have: the built-in codes' kinds above, and those an organization's own questions may take
 * (`csat` 1-5 with labels, `ces` 1-7, `choice` among options, `text` free text). A built-in code never changes kind.
 */
export const allQuestionKinds = ['stars', 'csat', 'nps', 'ces', 'thumbs', 'choice', 'text'] as const;
export type AnyQuestionKind = (typeof allQuestionKinds)[number];

/** The kinds answered with a number, and their inclusive ranges. `choice` and `text` answer without one. */
export const scaleRange: Partial<Record<AnyQuestionKind, { min: number; max: number }>> = {
  ...valueRange,
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

export function isAnyQuestionKind(kind: string): kind is AnyQuestionKind {
  return (allQuestionKinds as readonly string[]).includes(kind);
}

/**
 * Whether an answer is low, which shows the question's follow-up: stars and CSAT at most 2, NPS at most 6, thumbs down,
 * CES at most 3. Choice and text answers are never low.
 */
export function isLowAnswer(kind: string, value: number | null | undefined): boolean {
  if (typeof value !== 'number') return false;
  if (kind === 'stars' || kind === 'csat') return value <= 2;
  if (kind === 'nps') return value <= 6;
  if (kind === 'thumbs') return value === 0;
  if (kind === 'ces') return value <= 3;
  return false;
}

export function isValidValue(kind: QuestionKind, value: unknown): value is number {
  const { min, max } = valueRange[kind];
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
