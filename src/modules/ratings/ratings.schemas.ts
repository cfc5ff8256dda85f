import { Type, type Static } from 'typebox';
import { DateTime, Nullable, PageQuery, Uuid } from '../../http/schemas.js';
import { QuestionFilterCode } from '../analytics/index.js';
import { AnyQuestionCodeSchema, LanguageSchema } from '../rating-config/index.js';
import { QuestionKindSchema } from '../questions/index.js';

export const Kind = Type.Union([Type.Literal('stars'), Type.Literal('nps'), Type.Literal('thumbs')]);
export const Status = Type.Union(
  [
    Type.Literal('offered'),
    Type.Literal('partially_rated'),
    Type.Literal('rated'),
    Type.Literal('cancelled'),
    Type.Literal('expired'),
  ],
  {
    description:
      '`offered`: no answer yet. `partially_rated`: answered, but a required question still waits. `rated`: every ' +
      'required question answered (optional ones may wait); a cancelled survey with answers stays `rated`, with ' +
      '`cancelled_at`. `cancelled`: withdrawn before any answer. `expired`: passed `expires_at` while still ' +
      '`offered` or `partially_rated`.',
  },
);

export const RatingQuestion = Type.Object({
  code: AnyQuestionCodeSchema,
  kind: QuestionKindSchema,
  status: Type.Union([Type.Literal('Offered'), Type.Literal('Rated'), Type.Literal('Cancelled')]),
  required: Type.Boolean({
    description:
      'Whether the survey is answered only once this question is. A required question still `Offered` makes the ' +
      'survey `partially_rated`; optional ones never do.',
  }),
  value: Nullable(
    Type.Integer({
      description: 'Stars/CSAT 1-5, NPS 0-10, CES 1-7, thumbs 1 (up) or 0 (down); null for choice/text.',
    }),
  ),
  comment: Nullable(Type.String()),
  version: Nullable(
    Type.Integer({ description: "The version of the organization's question it was asked in; null for built-ins." }),
  ),
  choices: Nullable(Type.Array(Type.String(), { description: 'Choice questions: the option ids chosen.' })),
  reasons: Nullable(Type.Array(Type.String(), { description: 'The follow-up reasons chosen after a low answer.' })),
  text: Nullable(Type.String({ description: 'Text questions: the answer.' })),
  offered_at: DateTime,
  answered_at: Nullable(DateTime),
  updated_at: DateTime,
});

export const Rating = Type.Object({
  id: Type.Integer(),
  uid: Uuid,
  code: Type.String({ description: 'The secret code of the public rating page.' }),
  link: Type.String({ description: 'The public rating page: PUBLIC_URL/r/{code}.' }),
  conversation_id: Type.Integer(),
  conversation_uid: Uuid,
  channel: Nullable(Type.String()),
  source: Type.Union([Type.Literal('invite'), Type.Literal('offer'), Type.Literal('api'), Type.Literal('popup')]),
  status: Status,
  contact_id: Uuid,
  agent_id: Nullable(Uuid),
  agent_type: Nullable(Type.String()),
  language: Nullable(Type.String()),
  comment: Nullable(Type.String()),
  questions: Type.Array(RatingQuestion),
  expires_at: Nullable(DateTime),
  created_at: DateTime,
  updated_at: DateTime,
  offered_at: DateTime,
  opened_at: Nullable(DateTime),
  submitted_at: Nullable(DateTime),
  cancelled_at: Nullable(DateTime),
});

export const OfferInput = Type.Object(
  {
    question_codes: Type.Array(AnyQuestionCodeSchema, {
      minItems: 1,
      maxItems: 10,
      uniqueItems: true,
      description: 'The questions, in order; each is required unless named in `optional_codes`.',
    }),
    optional_codes: Type.Optional(
      Type.Array(AnyQuestionCodeSchema, {
        maxItems: 10,
        uniqueItems: true,
        description:
          'Questions of `question_codes` the contact may skip: the survey counts as answered once every other ' +
          'question is (with none required, once any is).',
      }),
    ),
    contact_id: Type.Optional(Uuid),
    agent_id: Type.Optional(Uuid),
    language: Type.Optional(LanguageSchema),
    expires_in_hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })),
    offered_at: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);
export type OfferInput = Static<typeof OfferInput>;

/** One answer: `value` for the numeric kinds, `choices` for choice, `text` for text; `reasons` after a low answer. */
export const AnswerItem = Type.Object(
  {
    code: AnyQuestionCodeSchema,
    value: Type.Optional(Nullable(Type.Integer())),
    choices: Type.Optional(
      Type.Array(Type.String({ maxLength: 64 }), { maxItems: 10, description: 'Choice: option ids chosen.' }),
    ),
    text: Type.Optional(Type.String({ maxLength: 2000, description: 'Text: the answer.' })),
    reasons: Type.Optional(
      Type.Array(Type.String({ maxLength: 64 }), {
        maxItems: 10,
        description: "After a low answer: ids of the question's follow-up reasons.",
      }),
    ),
    comment: Type.Optional(
      Nullable(Type.String({ maxLength: 2000, description: 'After a low answer: the follow-up comment.' })),
    ),
  },
  { additionalProperties: false },
);

export const AnswersInput = Type.Object(
  {
    answers: Type.Array(AnswerItem, { minItems: 1, maxItems: 10 }),
    comment: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    submitted_at: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);

export const Invite = Type.Object({
  text: Type.String({
    description: 'The message to send the contact; the link is in it when the template has `{link}`.',
  }),
  link: Type.String(),
  rating: Rating,
});

export const ListQuery = Type.Object(
  {
    status: Type.Optional(Status),
    question_code: Type.Optional(QuestionFilterCode),
    kind: Type.Optional(Kind),
    score_min: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    score_max: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    agent_id: Type.Optional(Uuid),
    has_comment: Type.Optional(Type.Boolean()),
    created_from: Type.Optional(DateTime),
    created_to: Type.Optional(DateTime),
    ...PageQuery,
  },
  { additionalProperties: false },
);
