import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { DateTime, errorResponses, IdOrUid } from '../../http/schemas.js';
import { DEFAULT_WIDGET_TOKEN_HOURS, MAX_WIDGET_TOKEN_HOURS, type WidgetService } from './widget.service.js';

/** Minting widget tokens: the customer's backend asks for one per conversation and hands it to the page. */
export const widgetTokenRoutes: FastifyPluginAsyncTypebox<{ widget: WidgetService }> = async (app, { widget }) => {
  app.post(
    '/v1/conversations/:id/widget-tokens',
    {
      schema: {
        tags: ['Widget'],
        summary: 'Mint a widget token for a conversation',
        description:
          'A token for the embeddable widget (`<script src=".../widget.js" data-plaudit-token="...">`). It allows ' +
          "exactly two things: answering the conversation's popup rating and giving feedback on its messages, on the " +
          '`/widget/v1` routes. It is no API key: the native API refuses it.',
        params: Type.Object({ id: IdOrUid }),
        body: Type.Object(
          {
            expires_in_hours: Type.Optional(
              Type.Integer({
                minimum: 1,
                maximum: MAX_WIDGET_TOKEN_HOURS,
                description: `Lifetime in hours; ${DEFAULT_WIDGET_TOKEN_HOURS} when omitted.`,
              }),
            ),
          },
          { additionalProperties: false },
        ),

        response: {
          201: Type.Object({ data: Type.Object({ token: Type.String(), expires_at: DateTime }) }),
          ...errorResponses('conversation_not_found'),
        },
      },
      // The body is optional: no body means the defaults.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const data = await widget.mintToken(principal.orgId, request.params.id, request.body.expires_in_hours);
      return reply.status(201).send({ data });
    },
  );
};
