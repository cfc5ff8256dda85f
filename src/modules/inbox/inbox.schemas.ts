import { Type, type Static } from 'typebox';
import { DateTime, Nullable, Uuid } from '../../http/schemas.js';
import { InboxFilterQuery } from './filters.js';

/** Characters of the last message shown in the inbox. */
export const LAST_MESSAGE_PREVIEW = 300;

export const InboxQuery = Type.Object(
  {
    ...InboxFilterQuery,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25, description: 'Page size.' })),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'The `next_cursor` of the previous page.' })),
  },
  { additionalProperties: false },
);
export type InboxQuery = Static<typeof InboxQuery>;

const Thumb = Type.Union([Type.Literal('up'), Type.Literal('down')]);

export const InboxRating = Type.Object({
  uid: Uuid,
  status: Type.Union([
    Type.Literal('offered'),
    Type.Literal('partially_rated'),
    Type.Literal('rated'),
    Type.Literal('cancelled'),
    Type.Literal('expired'),
  ]),
  source: Type.Union([Type.Literal('invite'), Type.Literal('offer'), Type.Literal('api'), Type.Literal('popup')]),
  stars: Nullable(Type.Integer({ description: 'The first answered stars question (STARS or CSAT), 1-5.' })),
  nps: Nullable(Type.Integer({ description: 'The NPS answer, 0-10.' })),
  thumbs: Type.Object(
    { HELPFUL_THUMBS: Type.Optional(Thumb), EXPERIENCE_THUMBS: Type.Optional(Thumb) },
    { description: 'The answered thumbs questions.' },
  ),
  comment: Nullable(Type.String()),
  offered_at: DateTime,
  submitted_at: Nullable(DateTime),
});
export type InboxRating = Static<typeof InboxRating>;

export const InboxItem = Type.Object({
  id: Type.Integer(),
  uid: Uuid,
  external_id: Nullable(Type.String()),
  channel: Nullable(Type.String()),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  contact_name: Nullable(Type.String()),
  contact_email: Nullable(Type.String()),
  agent_id: Nullable(Uuid),
  agent_type: Nullable(Type.Union([Type.Literal('human'), Type.Literal('ai')])),
  agent_name: Nullable(Type.String({ description: "The agent's name in the agents directory; null if unnamed." })),
  created_at: DateTime,
  closed_at: Nullable(DateTime),
  anonymized_at: Nullable(DateTime),
  message_count: Type.Integer(),
  last_message: Nullable(
    Type.Object({
      role: Type.Union([Type.Literal('user'), Type.Literal('agent'), Type.Literal('ai'), Type.Literal('system')]),
      text: Nullable(
        Type.String({
          description: `The first ${LAST_MESSAGE_PREVIEW} characters; null once the conversation is anonymized.`,
        }),
      ),
    }),
  ),
  rating: Nullable({ ...InboxRating, description: "The conversation's latest rating." }),
  feedback: Type.Object(
    {
      likes: Type.Integer(),
      dislikes: Type.Integer(),
      comments: Type.Integer(),
    },
    { description: "Every author's current feedback on the conversation's messages, counted." },
  ),
});
export type InboxItem = Static<typeof InboxItem>;
