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

export function isValidValue(kind: QuestionKind, value: unknown): value is number {
  const { min, max } = valueRange[kind];
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
