import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses, IdOrUid } from '../../http/schemas.js';
import { RatingSchema } from '../ratings/index.js';
import { Deliverable, DeliverableQuery, ReplyInput } from './deliverables.schemas.js';
import type { DeliverablesService } from './deliverables.service.js';

const tags = ['Ratings'];
const IdParams = Type.Object({ id: IdOrUid });

/** Ready-to-send messages of a rating (email, SMS, WhatsApp), and the WhatsApp replies they bring back. */
export const deliverablesRoutes: FastifyPluginAsyncTypebox<{ deliverables: DeliverablesService }> = async (
  app,
  { deliverables },
) => {
  app.get(
    '/v1/ratings/:id/deliverables',
    {
      schema: {
        tags,
        summary: 'Get a ready-to-send message of a survey',
        description:
          "The survey's first question as a message for `channel`, in the rating's language with the organization's " +
          'brand and texts. `email`: a subject, an HTML and a plain-text body, each answer its own link ' +
          '(`/r/{code}?answer=4`) that opens the rating page and records the answer there. `sms`: a short text with ' +
          'the link, its length and encoding. `whatsapp`: the Cloud API interactive message (reply buttons for up to ' +
          '3 answers, a list for 4 to 10, a button opening the page for NPS and questions without choices). A ' +
          'cancelled survey answers 409, an expired one 410.',
        params: IdParams,
        querystring: DeliverableQuery,
        response: {
          200: Type.Object({ data: Deliverable }),
          ...errorResponses('rating_not_found', 'rating_cancelled', 'rating_expired'),
        },
      },
    },
    async (request) => ({
      data: await deliverables.deliverable(principalOf(request).orgId, request.params.id, request.query.channel),
    }),
  );

  app.post(
    '/v1/ratings/:id/replies',
    {
      schema: {
        tags,
        summary: 'Record a WhatsApp reply',
        description:
          'Records the reply button or list row the contact chose (`reply_id` from the WhatsApp webhook, e.g. ' +
          '`STARS:4`) as the answer to that question, through the same answer path as `POST /v1/ratings/{id}/answers`. ' +
          'The same reply again (a redelivered webhook) answers 200 with `recorded: false` and changes nothing; another ' +
          'reply to an answered question answers 409 `question_already_answered`; a reply the rating did not offer ' +
          '400 `unknown_reply`.',
        params: IdParams,
        body: ReplyInput,
        response: {
          200: Type.Object({
            data: RatingSchema,
            recorded: Type.Boolean({ description: 'False when the same reply was recorded before.' }),
          }),
          ...errorResponses(
            'rating_not_found',
            'unknown_reply',
            'question_already_answered',
            'rating_cancelled',
            'rating_expired',
          ),
        },
      },
    },
    async (request) => {
      const { rating, recorded } = await deliverables.recordReply(
        principalOf(request).orgId,
        request.params.id,
        request.body.reply_id,
      );
      return { data: rating, recorded };
    },
  );
};
