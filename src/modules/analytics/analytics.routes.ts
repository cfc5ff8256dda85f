import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schemas.js';
import {
  Agent,
  CompareQuery,
  Comparison,
  FilterQuery,
  Funnel,
  KnowledgeGaps,
  KnowledgeGapsQuery,
  Point,
  Summary,
  TimeseriesQuery,
  VersionsQuery,
  VersionValue,
} from './analytics.schemas.js';
import type { AnalyticsService } from './analytics.service.js';
import type { CompareService } from './compare.service.js';
import { QuestionFiguresAnswer, QuestionFiguresQuery } from './question-figures.schemas.js';
import type { QuestionFiguresService } from './question-figures.service.js';

const tags = ['Analytics'];
const filterErrors = errorResponses('invalid_timezone', 'invalid_date_range', 'unknown_question_code');

/** GET /v1/analytics/*: figures over ratings and message feedback, from daily rollups. */
export const analyticsRoutes: FastifyPluginAsyncTypebox<{
  analytics: AnalyticsService;
  compare: CompareService;
  questions: QuestionFiguresService;
}> = async (app, { analytics, compare, questions }) => {
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
          'and CSAT 1-2, NPS 0-6, CES 1-3, thumbs down), each rating once with all its answers and comments. ' +
          '`agent_type=ai` lists ' +
          "the AI agents' answers and conversations, `agent_type=human` the human agents'; without it, both.",
        querystring: KnowledgeGapsQuery,
        response: { 200: Type.Object({ data: KnowledgeGaps }), ...filterErrors },
      },
    },
    async (request) => ({ data: await analytics.knowledgeGaps(principalOf(request).orgId, request.query) }),
  );

  app.get(
    '/v1/analytics/compare',
    {
      schema: {
        tags,
        summary: 'Compare two versions',
        description:
          'Two prompt versions, two models or two tags side by side on one metric, under the usual filters (which ' +
          'narrow both sides alike; the filter of `dimension` itself is refused, `dimension_also_filtered`). Each side ' +
          'is counted as the summary counts that version filter: message feedback under its message’s labels and its ' +
          'conversation’s tags, a rating answer under every label of its conversation — so a conversation both ' +
          'versions answered in counts its rating for both. `message_likes` = likes / (likes + dislikes) of messages; ' +
          '`csat` = share of 4-5 answers to CSAT and STARS (`question_code` may pick one); `thumbs` = thumbs up / all ' +
          'thumbs answers. `difference` is A − B in percentage points, with its 95% interval by Newcombe’s hybrid ' +
          'score method (1998, method 10: from the two Wilson intervals); `excludes_zero` says whether the interval ' +
          'lies wholly on one side of zero, and `sentence` says it in words. A side under 30 answers is ' +
          '`low_sample`. `a` equal to `b`, or a `question_code` the metric does not count, is `invalid_comparison`. ' +
          "In the organization's time zone one label is read from the version rollups; a channel, another version " +
          'filter or another zone is counted exactly from the records.',
        querystring: CompareQuery,
        response: {
          200: Type.Object({ data: Comparison }),
          ...errorResponses(
            'invalid_timezone',
            'invalid_date_range',
            'unknown_question_code',
            'invalid_comparison',
            'dimension_also_filtered',
          ),
        },
      },
    },
    async (request) => ({ data: await compare.compare(principalOf(request).orgId, request.query) }),
  );

  app.get(
    '/v1/analytics/versions',
    {
      schema: {
        tags,
        summary: 'The versions answered in the range',
        description:
          'The values of `dimension` (prompt versions, models or tags) with answers in the range under the filters, ' +
          'each with the number of answers each metric of `/v1/analytics/compare` would count: most answers first, ' +
          'at most `limit`. Counted as the comparison counts them.',
        querystring: VersionsQuery,
        response: {
          200: Type.Object({ data: Type.Array(VersionValue) }),
          ...errorResponses(
            'invalid_timezone',
            'invalid_date_range',
            'unknown_question_code',
            'dimension_also_filtered',
          ),
        },
      },
    },
    async (request) => ({ data: await compare.versions(principalOf(request).orgId, request.query) }),
  );

  app.get(
    '/v1/analytics/questions',
    {
      schema: {
        tags,
        summary: 'The figures of your own questions',
        description:
          "Each of the organization's own questions (the active ones, and archived ones answered in the range) in " +
          'their order, under the usual filters, counting the answers given in the range: the mean answer of a ' +
          'scale (the CES average among them) and how many gave each value; for a choice, how many answers chose ' +
          'each option and their share of the answers; for a question with follow-up reasons, how often each ' +
          'reason was chosen and its share of all reasons chosen, in all and per agent (named). Labels are in ' +
          '`language`, else the organization’s default language, else English; an option or reason an edit removed ' +
          'or renamed reads as the version it was chosen in said it. Counted from the records, exactly, in any ' +
          '`tz`.',
        querystring: QuestionFiguresQuery,
        response: { 200: QuestionFiguresAnswer, ...filterErrors },
      },
    },
    async (request) => questions.figures(principalOf(request).orgId, request.query),
  );
};
