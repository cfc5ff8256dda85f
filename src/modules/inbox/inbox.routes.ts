import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses, NextCursor } from '../../http/schemas.js';
import { InboxItem, InboxQuery } from './inbox.schemas.js';
import type { InboxService } from './inbox.service.js';

/** GET /v1/inbox: the dashboard's list of conversations with their ratings and feedback. */
export const inboxRoutes: FastifyPluginAsyncTypebox<{ inbox: InboxService }> = async (app, { inbox }) => {
  app.get(
    '/v1/inbox',
    {
      schema: {
        tags: ['Inbox'],
        summary: 'Conversations with their ratings and feedback',
        description:
          'Newest first, keyset-paginated. Each conversation comes with its message count and last message, its ' +
          'latest rating (stars, NPS, thumbs, comment) and the likes, dislikes and comments on its messages. ' +
          'Filters combine with AND; `from` and `to` are days in `tz` (by default the time zone of the organization).',
        querystring: InboxQuery,
        response: {
          200: Type.Object({ data: Type.Array(InboxItem), next_cursor: NextCursor }),
          ...errorResponses('invalid_cursor', 'invalid_timezone', 'invalid_date_range', 'unknown_question_code'),
        },
      },
    },
    async (request) => inbox.listInbox(principalOf(request).orgId, request.query),
  );
};
