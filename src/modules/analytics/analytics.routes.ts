import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schemas.js';
import {
  Agent,
  FilterQuery,
  Funnel,
  KnowledgeGaps,
  KnowledgeGapsQuery,
  Point,
  Summary,
  TimeseriesQuery,
} from './analytics.schemas.js';
import type { AnalyticsService } from './analytics.service.js';

const tags = ['Analytics'];
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
          'Figures over the days `from`-`to` (the last 30 days by default) in `tz`, and the same figures over the ' +
          'period of the same length just before (`previous`). Answers count on the day they were given, the ' +
          "response rate on the day questions were offered. In the organization's time zone the figures come from " +
          'daily rollups; in any other they are computed from the records, exactly but more slowly.',
        querystring: FilterQuery,
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
        description:
          'One point per period from the one holding `from` to the one holding `to`, each with its own number of ' +
          'responses. A point that does not cover its whole period — the current one, or one the range cuts — says ' +
          '`partial: true`.',
        querystring: TimeseriesQuery,
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
        querystring: FilterQuery,
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
        description:
          'Questions offered in the range, and what became of them; `previous` is the same over the period of the ' +
          'same length just before `from`.',
        querystring: FilterQuery,
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
        summary: 'What the agents get wrong',
        description:
          "The agents' answers with the most dislikes in the range, and the latest ratings with a low answer (stars " +
          '1-2, NPS 0-6, thumbs down), each rating once with all its answers and comments. `agent_type=ai` lists ' +
          "the AI agents' answers and conversations, `agent_type=human` the human agents'; without it, both.",
        querystring: KnowledgeGapsQuery,
        response: { 200: Type.Object({ data: KnowledgeGaps }), ...filterErrors },
      },
    },
    async (request) => ({ data: await analytics.knowledgeGaps(principalOf(request).orgId, request.query) }),
  );
};
