import { Type, type Static } from 'typebox';
import { DateTime, Nullable } from '../../http/schemas.js';

export const QuestionKindSchema = Type.Union(
  [
    Type.Literal('stars'),
    Type.Literal('csat'),
    Type.Literal('nps'),
    Type.Literal('ces'),
    Type.Literal('thumbs'),
    Type.Literal('choice'),
    Type.Literal('text'),
  ],
  {
    description:
      '`stars` and `csat` 1-5, `nps` 0-10, `ces` 1-7, `thumbs` 1 (up) or 0 (down), `choice` one or several of its ' +
      'options, `text` free text.',
  },
);

// Bounds here only keep bodies small; the rules themselves (how many options, how long a label) are checked by the
// service, which answers `invalid_question_definition` with a sentence naming the field.
const TextsIn = Type.Record(Type.String({ maxLength: 16 }), Type.String({ maxLength: 1000 }), {
  maxProperties: 20,
  description: 'Text per language, e.g. `{"en": "Price", "de": "Preis"}`.',
});
const OptionIn = Type.Object(
  { id: Type.String({ maxLength: 64, description: 'UPPER_SNAKE, unique in its list.' }), labels: TextsIn },
  { additionalProperties: false },
);
const FollowUpIn = Type.Object(
  {
    reasons: Type.Optional(Type.Array(OptionIn, { maxItems: 20, description: 'At most 10 reasons to choose from.' })),
    comment_prompt: Type.Optional(TextsIn),
  },
  { additionalProperties: false, description: 'Asked after a low answer: reasons to choose and a comment prompt.' },
);

const DefinitionIn = {
  help: Type.Optional(Nullable(TextsIn)),
  required: Type.Optional(
    Type.Boolean({ description: 'Whether a survey counts as answered only once this is; default true.' }),
  ),
  options: Type.Optional(Nullable(Type.Array(OptionIn, { maxItems: 20, description: 'Choice only: 2 to 10.' }))),
  multiple: Type.Optional(Type.Boolean({ description: 'Choice only: several options may be chosen.' })),
  follow_up: Type.Optional(Nullable(FollowUpIn)),
};

export const QuestionCreate = Type.Object(
  {
    code: Type.String({ maxLength: 64, description: 'UPPER_SNAKE, 2-40 characters, unique; never a built-in code.' }),
    kind: QuestionKindSchema,
    labels: TextsIn,
    ...DefinitionIn,
  },
  { additionalProperties: false },
);
export type QuestionCreate = Static<typeof QuestionCreate>;

export const QuestionPatch = Type.Object(
  {
    kind: Type.Optional(Type.String({ maxLength: 16, description: 'Cannot change; sent, it must be the same.' })),
    labels: Type.Optional(TextsIn),
    ...DefinitionIn,
  },
  { additionalProperties: false },
);
export type QuestionPatch = Static<typeof QuestionPatch>;

export const QuestionOrder = Type.Object(
  {
    codes: Type.Array(Type.String({ maxLength: 64 }), {
      maxItems: 500,
      uniqueItems: true,
      description:
        "The organization's active questions in their new order; those not named keep their order after them.",
    }),
  },
  { additionalProperties: false },
);
export type QuestionOrder = Static<typeof QuestionOrder>;

const Texts = Type.Record(Type.String(), Type.String(), { description: 'Text per language.' });
const Option = Type.Object({ id: Type.String(), labels: Texts });
const FollowUp = Type.Object({ reasons: Type.Array(Option), comment_prompt: Texts });

const DefinitionOut = {
  labels: Texts,
  help: Texts,
  required: Type.Boolean(),
  options: Type.Array(Option),
  multiple: Type.Boolean(),
  follow_up: Nullable(FollowUp),
};

export const Question = Type.Object({
  code: Type.String(),
  kind: QuestionKindSchema,
  built_in: Type.Boolean({ description: 'A built-in code: read-only, its texts from the page language.' }),
  version: Nullable(Type.Integer({ description: 'The current version; null for built-in codes.' })),
  position: Nullable(Type.Integer({ description: "Order among the organization's questions; null for built-ins." })),
  ...DefinitionOut,
  archived_at: Nullable(DateTime),
  created_at: Nullable(DateTime),
  updated_at: Nullable(DateTime),
});
export type Question = Static<typeof Question>;

export const QuestionVersion = Type.Object({ version: Type.Integer(), created_at: DateTime, ...DefinitionOut });
export type QuestionVersion = Static<typeof QuestionVersion>;
