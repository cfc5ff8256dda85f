import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schemas.js';
import { TopicList, TopicMembers, TopicMembersQuery, TopicParams, TopicsQuery } from './topics.schemas.js';
import type { TopicsService } from './topics.service.js';

const tags = ['Analytics'];

/** GET /v1/analytics/topics: the knowledge gaps of the AI agents, as topics. */
export const topicsRoutes: FastifyPluginAsyncTypebox<{ topics: TopicsService }> = async (app, { topics }) => {
  app.get(
    '/v1/analytics/topics',
    {
      schema: {
        tags,
        summary: 'What the disliked AI answers are about',
        description:
          'The disliked AI answers and low-rated AI conversations of the last 90 days, clustered into topics by a ' +
          'background job (at most every 5 minutes, when new feedback came in; `computation` says when). Each ' +
          'topic is counted in the range and filters: its size, the liked answers like it (for its dislike rate), ' +
          'its trend and its examples. `agent_type=human` has no topics.',
        querystring: TopicsQuery,
        response: {
          200: Type.Object({ data: TopicList }),
          ...errorResponses('invalid_timezone', 'invalid_date_range', 'unknown_question_code'),
        },
      },
    },
    async (request) => ({ data: await topics.list(principalOf(request).orgId, request.query) }),
  );

  app.get(
    '/v1/analytics/topics/:id/members',
    {
      schema: {
        tags,
        summary: "A topic's answers and ratings",
        description:
          "The topic's disliked answers and low ratings in the range, newest first; `all=true` adds the rest.",
        params: TopicParams,
        querystring: TopicMembersQuery,
        response: {
          200: TopicMembers,
          ...errorResponses(
            'invalid_timezone',
            'invalid_date_range',
            'unknown_question_code',
            'invalid_cursor',
            'topic_not_found',
          ),
        },
      },
    },
    async (request) => topics.members(principalOf(request).orgId, Number(request.params.id), request.query),
  );
};
