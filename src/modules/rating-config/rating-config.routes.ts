import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schemas.js';
import { RatingSettings, RatingSettingsPatch } from './rating-config.schemas.js';
import type { RatingConfigService } from './rating-config.service.js';

const tags = ['Rating settings'];

/** GET/PATCH /v1/rating-settings: the whole rating configuration of the organization. */
export const ratingConfigRoutes: FastifyPluginAsyncTypebox<{ ratingConfig: RatingConfigService }> = async (
  app,
  { ratingConfig },
) => {
  app.get(
    '/v1/rating-settings',
    {
      schema: {
        tags,
        summary: 'Get the rating settings',
        response: { 200: Type.Object({ data: RatingSettings }), ...errorResponses() },
      },
    },
    async (request) => ({ data: await ratingConfig.getSettings(principalOf(request).orgId) }),
  );

  app.patch(
    '/v1/rating-settings',
    {
      schema: {
        tags,
        summary: 'Change the rating settings',
        description:
          'Send any subset of the fields. The merged result is validated as a whole: `conv_rating_active` and ' +
          '`conv_rating_popup_active` must be equal and every question code known; otherwise nothing changes.',
        body: RatingSettingsPatch,
        response: {
          200: Type.Object({ data: RatingSettings }),
          ...errorResponses('rating_settings_mismatch', 'unknown_question_code'),
        },
      },
    },
    async (request) => ({ data: await ratingConfig.updateSettings(principalOf(request).orgId, request.body) }),
  );
};
