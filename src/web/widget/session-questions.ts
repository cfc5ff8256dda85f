import { Type } from 'typebox';
import { Nullable } from '../../http/schemas.js';
import { QuestionKindSchema, textIn, type QuestionDefinition } from '../../modules/questions/index.js';
import { isQuestionCode, scaleRange, type AnyQuestionKind, type Language } from '../../modules/rating-config/index.js';
import { questionText, type PageText } from '../rating-page/index.js';

const Labelled = Type.Object({ id: Type.String(), label: Type.String() });

/**
 * A popup question. Built-in codes answer `code`, `kind`, `label` and `choices` only, as they always have; an
 * organization's own questions add what rendering them needs.
 */
export const SessionQuestion = Type.Object({
  code: Type.String(),
  kind: QuestionKindSchema,
  label: Type.String(),
  /** Thumbs: the labels of up and down; stars: the labels of 1-5; NPS: of 0 and 10; choice: the options' labels. */
  choices: Type.Array(Type.String()),
  help: Type.Optional(Type.String()),
  required: Type.Optional(Type.Boolean()),
  scale: Type.Optional(Type.Object({ min: Type.Integer(), max: Type.Integer() })),
  options: Type.Optional(Type.Array(Labelled)),
  multiple: Type.Optional(Type.Boolean()),
  follow_up: Type.Optional(
    Nullable(
      Type.Object({
        /** The follow-up shows once the answer is at most this (thumbs: 0, down). */
        low_at_most: Type.Integer(),
        reasons: Type.Array(Labelled),
        comment_prompt: Nullable(Type.String()),
      }),
    ),
  ),
});

/** The highest answer that counts as low, per kind (see `isLowAnswer`). */
const LOW_AT_MOST: Partial<Record<AnyQuestionKind, number>> = { stars: 2, csat: 2, nps: 6, ces: 3, thumbs: 0 };

/** A popup question as the session answers it, in `language` (falling back to the organization's, then English). */
export function sessionQuestion(
  question: { code: string; kind: AnyQuestionKind; definition: QuestionDefinition | null },
  context: { text: PageText; brand: string; language: Language; orgLanguage: Language | null },
) {
  const { code, kind, definition } = question;
  const { text, language, orgLanguage } = context;
  if (!definition || isQuestionCode(code)) {
    const builtIn = code as Parameters<typeof questionText>[1];
    const builtInKind = kind as Parameters<typeof questionText>[2];
    const thumbs = text.thumbsAnswers[builtIn] ?? text.thumbsAnswer;
    return {
      code,
      kind,
      label: questionText(text, builtIn, builtInKind, context.brand),
      choices:
        kind === 'thumbs'
          ? [thumbs.up, thumbs.down]
          : kind === 'stars'
            ? [...text.starLabels]
            : [text.npsZero, text.npsTen],
    };
  }
  const local = (texts: Record<string, string>) => textIn(texts, language, orgLanguage);
  const labelled = (options: QuestionDefinition['options']) =>
    options.map((option) => ({ id: option.id, label: local(option.labels) ?? option.id }));
  const range = scaleRange[kind];
  const choices =
    kind === 'thumbs'
      ? [text.thumbsAnswer.up, text.thumbsAnswer.down]
      : kind === 'stars'
        ? [...text.starLabels]
        : kind === 'nps'
          ? [text.npsZero, text.npsTen]
          : kind === 'choice'
            ? labelled(definition.options).map((option) => option.label)
            : [];
  const help = local(definition.help);
  const followUp = definition.follow_up;
  return {
    code,
    kind,
    label: local(definition.labels) ?? code,
    choices,
    ...(help ? { help } : {}),
    required: definition.required,
    ...(range ? { scale: range } : {}),
    ...(kind === 'choice' ? { options: labelled(definition.options), multiple: definition.multiple } : {}),
    follow_up:
      followUp && LOW_AT_MOST[kind] !== undefined
        ? {
            low_at_most: LOW_AT_MOST[kind]!,
            reasons: labelled(followUp.reasons),
            comment_prompt: local(followUp.comment_prompt) ?? null,
          }
        : null,
  };
}
