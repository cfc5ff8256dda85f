import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses, Nullable } from '../../http/schemas.js';
import type { AnalyticsService } from './analytics.service.js';
import { AnalyticsFilterQuery } from './filters.js';

const tags = ['Analytics'];
const Percent = Nullable(Type.Number({ description: 'Percent, 0-100; null without answers.' }));
const Rate = Nullable(
  Type.Number({ minimum: 0, maximum: 1, description: 'A share, 0-1; null without a denominator.' }),
);
const LowSample = Type.Boolean({ description: 'True when the figure rests on fewer than 30 answers.' });
const Count = Type.Integer({ minimum: 0 });

const Csat = Type.Object({
  score: { ...Percent, description: 'Share of 4-5 answers among answered CSAT and STARS questions, 0-100.' },
  responses: Count,
  offered: Count,
  response_rate: Rate,
  average: Nullable(Type.Number({ description: 'Mean answer, 1-5.' })),
  ci_low: { ...Percent, description: 'Lower bound of the 95% Wilson interval of `score`.' },
  ci_high: { ...Percent, description: 'Upper bound of the 95% Wilson interval of `score`.' },
  low_sample: LowSample,
});
const Nps = Type.Object({
  score: Nullable(Type.Number({ description: '% promoters (9-10) minus % detractors (0-6), -100 to 100.' })),
  responses: Count,
  promoters: Count,
  passives: Count,
  detractors: Count,
  low_sample: LowSample,
});
const Thumbs = Type.Object({ up: Count, down: Count, up_rate: Rate, low_sample: LowSample });
const Messages = Type.Object({ likes: Count, dislikes: Count, like_rate: Rate, low_sample: LowSample });

const Summary = Type.Object({
  from: Type.String({ description: 'First day counted, in `tz`.' }),
  to: Type.String({ description: 'Last day counted, in `tz`.' }),
  tz: Type.String(),
  csat: Csat,
  nps: Nps,
  thumbs: Type.Record(Type.String(), Thumbs, { description: 'Per thumbs question code.' }),
  messages: Messages,
});

const Point = Type.Object({
  period: Type.String({ description: 'First day of the period, `YYYY-MM-DD` in `tz` (weeks start on Monday).' }),
  value: Nullable(
    Type.Number({
      description:
        'csat: % of 4-5 answers; nps: the NPS; thumbs: % thumbs up; message_likes: % likes. Null without answers.',
    }),
  ),
  responses: Count,
});

const Agent = Type.Object({
  agent_id: Type.String(),
  agent_type: Nullable(Type.Union([Type.Literal('human'), Type.Literal('ai')])),
  name: Nullable(Type.String({ description: "The user's name when the agent is a user of the organization." })),
  csat: Type.Object({ score: Percent, responses: Count, average: Nullable(Type.Number()), low_sample: LowSample }),
  nps: Type.Object({ score: Nullable(Type.Number()), responses: Count, low_sample: LowSample }),
  thumbs: Thumbs,
  messages: Messages,
});

const Funnel = Type.Object({
  offered: { ...Count, description: 'Questions offered in the range.' },
  opened: { ...Count, description: 'Of those, seen: the rating page or popup was opened, or the question answered.' },
  answered: Count,
  expired: { ...Count, description: 'Left unanswered until their rating expired.' },
  cancelled: Count,
  open_rate: Rate,
  response_rate: Rate,
});

const GapMessage = Type.Object({
  message_uid: Type.String(),
  conversation_id: Type.Integer(),
  conversation_uid: Type.String(),
  text: Nullable(Type.String()),
  agent_id: Nullable(Type.String()),
  likes: Count,
  dislikes: Count,
  comments: Type.Array(Type.String(), { description: 'Up to five comments, newest first.' }),
  last_feedback_at: Type.String(),
});
const GapConversation = Type.Object({
  conversation_id: Type.Integer(),
  conversation_uid: Type.String(),
  rating_uid: Type.String(),
  agent_id: Nullable(Type.String()),
  question_code: Type.String(),
  value: Type.Integer(),
  comment: Nullable(Type.String()),
  answered_at: Type.String(),
});

const filterErrors = errorResponses('invalid_timezone', 'invalid_date_range');

/** GET /v1/analytics/*: figures over ratings and message feedback, from daily rollups. */
export const analyticsRoutes: FastifyPluginAsyncTypebox<{ analytics: AnalyticsService }> = async (
  app,
  { analytics },
) => {
  app.get(
    '/v1/analytics/summary',
    {
      schema: {
        tags,
        summary: 'CSAT, NPS, thumbs and message likes',
        description:
          'Figures over the days `from`-`to` (the last 30 days by default) in `tz`. Answers count on the day they were ' +
          "given, the response rate on the day questions were offered. In the organization's time zone the figures " +
          'come from daily rollups; in any other they are computed from the records, exactly but more slowly.',
        querystring: Type.Object(AnalyticsFilterQuery),
        response: { 200: Type.Object({ data: Summary }), ...filterErrors },
      },
    },
    async (request) => ({ data: await analytics.summary(principalOf(request).orgId, request.query) }),
  );

  app.get(
    '/v1/analytics/timeseries',
    {
      schema: {
        tags,
        summary: 'A metric per day, week or month',
        querystring: Type.Object({
          ...AnalyticsFilterQuery,
          interval: Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')], { default: 'day' }),
          metric: Type.Union(
            [Type.Literal('csat'), Type.Literal('nps'), Type.Literal('thumbs'), Type.Literal('message_likes')],
            { default: 'csat' },
          ),
        }),
        response: { 200: Type.Object({ data: Type.Array(Point) }), ...filterErrors },
      },
    },
    async (request) => ({ data: await analytics.timeseries(principalOf(request).orgId, request.query) }),
  );

  app.get(
    '/v1/analytics/agents',
    {
      schema: {
        tags,
        summary: 'The figures per agent',
        description: 'AI agents first, then human agents; each by number of answers.',
        querystring: Type.Object(AnalyticsFilterQuery),
        response: { 200: Type.Object({ data: Type.Array(Agent) }), ...filterErrors },
      },
    },
    async (request) => ({ data: await analytics.agents(principalOf(request).orgId, request.query) }),
  );

  app.get(
    '/v1/analytics/funnel',
    {
      schema: {
        tags,
        summary: 'Offered, opened, answered, expired',
        description: 'Questions offered in the range, and what became of them.',
        querystring: Type.Object(AnalyticsFilterQuery),
        response: { 200: Type.Object({ data: Funnel }), ...filterErrors },
      },
    },
    async (request) => ({ data: await analytics.funnel(principalOf(request).orgId, request.query) }),
  );

  app.get(
    '/v1/analytics/knowledge-gaps',
    {
      schema: {
        tags,
        summary: 'What the AI agent gets wrong',
        description:
          'The AI messages with the most dislikes, and the latest low answers (stars 1-2, NPS 0-6, thumbs down) to ' +
          'ratings of AI conversations, with their comments.',
        querystring: Type.Object({
          ...AnalyticsFilterQuery,
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
        }),
        response: {
          200: Type.Object({
            data: Type.Object({ messages: Type.Array(GapMessage), conversations: Type.Array(GapConversation) }),
          }),
          ...filterErrors,
        },
      },
    },
    async (request) => ({ data: await analytics.knowledgeGaps(principalOf(request).orgId, request.query) }),
  );
};
