import { Type, type Static } from 'typebox';
import { DateTime, IntegerId, NextCursor, Nullable, PageQuery, Uuid } from '../../http/schemas.js';

const closed = { additionalProperties: false } as const;
export const ReviewStatusSchema = Type.Union([
  Type.Literal('open'),
  Type.Literal('in_review'),
  Type.Literal('resolved'),
  Type.Literal('wont_fix'),
]);
const Kind = Type.Union([Type.Literal('answer'), Type.Literal('rating')], {
  description: '`answer`: a disliked AI answer. `rating`: a low-rated AI conversation.',
});

export const ReviewListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union([...ReviewStatusSchema.anyOf, Type.Literal('unresolved')], {
        description: 'One status, or `unresolved`: open and in_review, what is left to do.',
      }),
    ),
    kind: Type.Optional(Kind),
    assignee: Type.Optional(
      Type.Union([Type.Literal('me'), Type.Literal('none'), Type.String({ format: 'uuid' })], {
        description: '`me`, `none` (unassigned) or a user id.',
      }),
    ),
    ...PageQuery,
  },
  closed,
);
export type ReviewListQuery = Static<typeof ReviewListQuery>;

export const ReviewParams = Type.Object({ id: IntegerId }, closed);

const changeFields = {
  status: Type.Optional({
    ...ReviewStatusSchema,
    description:
      'open → in_review → resolved or wont_fix; in_review may go back to open, a closed item only to open. ' +
      'Assigning an open item without a status moves it to in_review.',
  }),
  assignee_id: Type.Optional(Nullable(Type.String({ format: 'uuid', description: 'A user of the organization.' }))),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  resolution: Type.Optional(
    Nullable(
      Type.String({
        pattern: '^[a-z0-9][a-z0-9_-]{0,39}$',
        description: 'A short tag: lower case letters, digits, `_` and `-`, e.g. `prompt_fixed`, `knowledge_added`.',
      }),
    ),
  ),
};
export const ReviewChange = Type.Object(changeFields, closed);
export type ReviewChange = Static<typeof ReviewChange>;

export const ReviewBulk = Type.Object(
  {
    ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 100, description: 'At most 100 items.' }),
    ...changeFields,
  },
  closed,
);

export const ReviewItem = Type.Object({
  id: Type.Integer(),
  kind: Kind,
  status: ReviewStatusSchema,
  assignee: Nullable(Type.Object({ id: Uuid, name: Nullable(Type.String()), email: Nullable(Type.String()) })),
  notes: Nullable(Type.String()),
  resolution: Nullable(Type.String()),
  reopened: Type.Integer({ description: 'Times a new dislike or low answer put it back after it was closed.' }),
  conversation: Type.Object({
    id: Type.Integer(),
    uid: Uuid,
    contact_name: Nullable(Type.String()),
    channel: Nullable(Type.String()),
    agent_id: Nullable(Uuid),
    agent_name: Nullable(Type.String({ description: "The agent's name in the directory, else its user's." })),
  }),
  message: Nullable(
    Type.Object({
      uid: Uuid,
      text: Nullable(Type.String()),
      dislikes: Type.Integer(),
      likes: Type.Integer(),
      comments: Type.Array(Type.String()),
    }),
  ),
  rating: Nullable(
    Type.Object({
      uid: Uuid,
      comment: Nullable(Type.String()),
      answers: Type.Array(Type.Object({ code: Type.String(), kind: Type.String(), value: Type.Number() })),
    }),
  ),
  created_at: DateTime,
  updated_at: DateTime,
  last_event_at: { ...DateTime, description: 'The latest dislike or low answer that put it in the queue.' },
  resolved_at: Nullable(DateTime),
});
export type ReviewItem = Static<typeof ReviewItem>;

const Counts = Type.Object(
  {
    open: Type.Optional(Type.Integer()),
    in_review: Type.Optional(Type.Integer()),
    resolved: Type.Optional(Type.Integer()),
    wont_fix: Type.Optional(Type.Integer()),
  },
  { description: 'Items per status in the whole queue, whatever the filters.' },
);

export const ReviewList = Type.Object({ data: Type.Array(ReviewItem), counts: Counts, next_cursor: NextCursor });
