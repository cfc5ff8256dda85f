import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schemas.js';
import { ReviewBulk, ReviewChange, ReviewItem, ReviewList, ReviewListQuery, ReviewParams } from './reviews.schemas.js';
import type { ReviewsService } from './reviews.service.js';

const tags = ['Reviews'];

/** /v1/reviews: the queue of disliked AI answers and low-rated AI conversations. */
export const reviewsRoutes: FastifyPluginAsyncTypebox<{ reviews: ReviewsService }> = async (app, { reviews }) => {
  app.get(
    '/v1/reviews',
    {
      schema: {
        tags,
        summary: 'The review queue',
        description:
          'Every disliked AI answer and low-rated AI conversation, newest dislike or low answer first. A closed item ' +
          'comes back (`open`, `reopened` counted) when its answer gets a new dislike or its rating a new low answer.',
        querystring: ReviewListQuery,
        response: { 200: ReviewList, ...errorResponses('invalid_cursor') },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return reviews.list(principal.orgId, principal.userId, request.query);
    },
  );

  app.get(
    '/v1/reviews/:id',
    {
      schema: {
        tags,
        summary: 'One review item',
        params: ReviewParams,
        response: { 200: Type.Object({ data: ReviewItem }), ...errorResponses('review_not_found') },
      },
    },
    async (request) => ({ data: await reviews.get(principalOf(request).orgId, Number(request.params.id)) }),
  );

  app.patch(
    '/v1/reviews/:id',
    {
      schema: {
        tags,
        summary: 'Work on a review item',
        description: 'Move it, assign it, note what was done. Each change is a `review.updated` webhook event.',
        params: ReviewParams,
        body: ReviewChange,
        response: {
          200: Type.Object({ data: ReviewItem }),
          ...errorResponses('review_not_found', 'invalid_review_transition'),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return { data: await reviews.update(principal.orgId, principal.userId, Number(request.params.id), request.body) };
    },
  );

  app.post(
    '/v1/reviews/bulk',
    {
      schema: {
        tags,
        summary: 'Assign or resolve many items at once',
        description:
          'The same change to every item named, all or none: one item missing or unable to move refuses all.',
        body: ReviewBulk,
        response: {
          200: Type.Object({ data: Type.Array(ReviewItem) }),
          ...errorResponses('review_not_found', 'invalid_review_transition'),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { ids, ...change } = request.body;
      return { data: await reviews.bulk(principal.orgId, principal.userId, ids, change) };
    },
  );
};
