import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses, IdOrUid, NextCursor } from '../../http/schemas.js';
import { AnswersInput, Invite, ListQuery, OfferInput, Rating } from './ratings.schemas.js';
import type { RatingsService } from './ratings.service.js';
import { surveyEligibilityRoutes } from './survey-eligibility.routes.js';

const tags = ['Ratings'];
const IdParams = Type.Object({ id: IdOrUid });

/** The native ratings API under /v1. */
export const ratingsRoutes: FastifyPluginAsyncTypebox<{ ratings: RatingsService }> = async (app, { ratings }) => {
  await app.register(surveyEligibilityRoutes, { ratings });

  app.post(
    '/v1/conversations/:id/rating-invites',
    {
      schema: {
        tags,
        summary: 'Invite the contact to rate the conversation',
        description:
          "Answers the invite text (the settings' template with `{link}` replaced) and the link of the public rating " +
          'page. While an unexpired, unanswered invite exists for the conversation, that one is answered with 200; ' +
          'a new one with 201.',
        params: IdParams,
        response: {
          200: Type.Object({ data: Invite }),
          201: Type.Object({ data: Invite }),
          ...errorResponses('conversation_not_found'),
        },
      },
    },
    async (request, reply) => {
      const { rating, link, text, created } = await ratings.createInvite(principalOf(request).orgId, request.params.id);
      return reply.status(created ? 201 : 200).send({ data: { text, link, rating } });
    },
  );

  app.post(
    '/v1/conversations/:id/ratings',
    {
      schema: {
        tags,
        summary: 'Offer a survey',
        description:
          'Offers a new survey of the conversation with the given questions, in order. Every question is required ' +
          'unless named in `optional_codes`.',
        params: IdParams,
        body: OfferInput,
        response: {
          201: Type.Object({ data: Rating }),
          ...errorResponses('conversation_not_found', 'unknown_question_code'),
        },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const data = await ratings.offerSurvey(principalOf(request).orgId, request.params.id, {
        codes: body.question_codes,
        optionalCodes: body.optional_codes,
        contactId: body.contact_id,
        agentId: body.agent_id,
        language: body.language,
        expiresInHours: body.expires_in_hours,
        offeredAt: body.offered_at,
      });
      return reply.status(201).send({ data });
    },
  );

  app.get(
    '/v1/conversations/:id/ratings',
    {
      schema: {
        tags,
        summary: 'List the ratings of a conversation',
        description: 'Oldest first.',
        params: IdParams,
        response: { 200: Type.Object({ data: Type.Array(Rating) }), ...errorResponses('conversation_not_found') },
      },
    },
    async (request) => ({ data: await ratings.conversationRatings(principalOf(request).orgId, request.params.id) }),
  );

  app.post(
    '/v1/ratings/:id/answers',
    {
      schema: {
        tags,
        summary: 'Answer questions of a survey',
        description:
          'Records answers by question code; an answered question may be answered again until the survey expires. ' +
          'Stars/CSAT take 1-5, NPS 0-10, thumbs 1 (up) or 0 (down).',
        params: IdParams,
        body: AnswersInput,
        response: {
          200: Type.Object({ data: Rating }),
          ...errorResponses(
            'rating_not_found',
            'question_not_offered',
            'invalid_rating_value',
            'rating_cancelled',
            'rating_expired',
          ),
        },
      },
    },
    async (request) => ({
      data: await ratings.answerRating(principalOf(request).orgId, request.params.id, {
        answers: request.body.answers,
        comment: request.body.comment,
        submittedAt: request.body.submitted_at,
      }),
    }),
  );

  app.post(
    '/v1/ratings/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a survey',
        description:
          'Withdraws the questions still waiting for an answer (optional ones included): they become `Cancelled` ' +
          'and count as cancelled in the funnel. Answered questions keep their values and keep counting; the survey ' +
          'takes no more answers. A survey with answers stays `rated`, with `cancelled_at`; one without becomes ' +
          '`cancelled`. A survey with nothing left to withdraw answers 409 `rating_already_answered`; an expired ' +
          'one stays as it expired (410 `rating_expired`). Cancelling a cancelled survey again answers it as it is ' +
          '(200), changing nothing.',
        params: IdParams,
        response: {
          200: Type.Object({ data: Rating }),
          ...errorResponses('rating_not_found', 'rating_already_answered', 'rating_expired'),
        },
      },
    },
    async (request) => ({ data: await ratings.cancelRating(principalOf(request).orgId, request.params.id) }),
  );

  app.get(
    '/v1/ratings',
    {
      schema: {
        tags,
        summary: 'List ratings',
        description:
          'Newest first. `question_code`, `kind`, `score_min` and `score_max` select surveys with a question that ' +
          "matches all of them; `created_to` is exclusive. `question_code` is a built-in code or one of the organization's " +
          'own questions (archived ones too), else `unknown_question_code`.',
        querystring: ListQuery,
        response: {
          200: Type.Object({ data: Type.Array(Rating), next_cursor: NextCursor }),
          ...errorResponses('unknown_question_code'),
        },
      },
    },
    async (request) => ratings.listRatings(principalOf(request).orgId, request.query),
  );

  app.get(
    '/v1/ratings/:id',
    {
      schema: {
        tags,
        summary: 'Get a rating',
        params: IdParams,
        response: { 200: Type.Object({ data: Rating }), ...errorResponses('rating_not_found') },
      },
    },
    async (request) => ({ data: await ratings.getRating(principalOf(request).orgId, request.params.id) }),
  );
};
