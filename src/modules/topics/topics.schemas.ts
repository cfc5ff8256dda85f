import { Type } from 'typebox';
import { DateTime, IntegerId, NextCursor, Nullable, PageQuery, Uuid } from '../../http/schemas.js';
import { AnalyticsFilterQuery } from '../analytics/index.js';

const closed = { additionalProperties: false } as const;
const Count = Type.Integer({ minimum: 0 });
const Share = Nullable(Type.Number({ minimum: 0, maximum: 1 }));

export const TopicsQuery = Type.Object(
  {
    ...AnalyticsFilterQuery,
    interval: Type.Optional(
      Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')], {
        default: 'week',
        description: 'The periods of each topic’s trend.',
      }),
    ),
  },
  closed,
);

export const TopicParams = Type.Object({ id: IntegerId }, closed);

export const TopicMembersQuery = Type.Object(
  {
    ...AnalyticsFilterQuery,
    all: Type.Optional(
      Type.Boolean({
        description: 'Also the liked answers and high ratings the topic holds; by default only the bad.',
      }),
    ),
    ...PageQuery,
  },
  closed,
);

const Example = Type.Object({
  message_uid: Uuid,
  conversation_id: Type.Integer(),
  conversation_uid: Uuid,
  text: Nullable(Type.String({ description: 'Null once the conversation is anonymized.' })),
  disliked_at: DateTime,
});

export const Topic = Type.Object({
  id: Type.Integer({ description: 'Valid until the next computation, which makes the topics anew.' }),
  label: Type.String({ description: 'The topic’s heaviest terms, as people wrote them.' }),
  terms: Type.Array(Type.String(), { description: 'The heaviest stems, heaviest first.' }),
  size: { ...Count, description: 'Disliked AI answers and low-rated AI conversations of the topic in the range.' },
  answers: Type.Object({
    disliked: Count,
    liked: { ...Count, description: 'Liked AI answers like enough to the topic to count in it.' },
    dislike_rate: { ...Share, description: 'disliked / (disliked + liked); null without either.' },
  }),
  ratings: Type.Object({
    low: Count,
    high: Count,
    low_rate: { ...Share, description: 'low / (low + high); null without either.' },
  }),
  trend: Type.Array(Type.Object({ period: Type.String({ format: 'date' }), count: Count }), {
    description: 'Disliked answers and low ratings per period of the range, every period listed.',
  }),
  examples: Type.Array(Example, { description: 'The disliked answers closest to the topic’s centre.' }),
});

export const TopicList = Type.Object({
  computation: Nullable(
    Type.Object({
      computed_at: DateTime,
      documents: { ...Count, description: 'Disliked answers and low ratings the computation clustered.' },
    }),
  ),
  interval: Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')]),
  topics: Type.Array(Topic),
});

export const TopicMember = Type.Object({
  at: { ...DateTime, description: 'When the feedback was given, or the rating answered.' },
  polarity: Type.Union([Type.Literal('disliked'), Type.Literal('liked'), Type.Literal('low'), Type.Literal('high')]),
  similarity: Type.Number({ description: 'Cosine similarity to the topic’s centre, 0-1.' }),
  message_uid: Nullable(Uuid),
  text: Nullable(Type.String({ description: 'The AI answer; null for a rating, or once anonymized.' })),
  rating_uid: Nullable(Uuid),
  comments: Type.Array(Type.String()),
  conversation_id: Type.Integer(),
  conversation_uid: Uuid,
});

export const TopicMembers = Type.Object({
  topic: Type.Object({ id: Type.Integer(), label: Type.String(), terms: Type.Array(Type.String()) }),
  data: Type.Array(TopicMember),
  next_cursor: NextCursor,
});
