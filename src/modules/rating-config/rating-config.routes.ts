import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schemas.js';
import { RatingSettings, RatingSettingsPatch } from './rating-config.schemas.js';
import type { RatingConfigService } from './rating-config.service.js';
import { ratingTextsRoutes } from './rating-texts.routes.js';
import { surveyRulesRoutes } from './survey-rules.routes.js';

const tags = ['Rating settings'];
// A code of the real format, so that the preview's link is as long as a real one; no rating has it.
const SAMPLE_CODE = 'sample_rating_link_00000';

/** GET/PATCH /v1/rating-settings: the whole rating configuration of the organization. */
export const ratingConfigRoutes: FastifyPluginAsyncTypebox<{
  ratingConfig: RatingConfigService;
  /** Base of the rating page links, for the preview's sample link. */
  publicUrl: string;
}> = async (app, { ratingConfig, publicUrl }) => {
  await app.register(ratingTextsRoutes, { texts: ratingConfig.texts });
  await app.register(surveyRulesRoutes, { surveyRules: ratingConfig.surveyRules });

  app.get(
    '/v1/rating-settings',
    {
      schema: {
        tags,
        summary: 'Get the rating settings',
        response: { 200: Type.Object({ data: RatingSettings }), ...errorResponses() },
      },
    },
    async (request) => ({ data: await ratingConfig.settingsView(principalOf(request).orgId) }),
  );

  app.patch(
    '/v1/rating-settings',
    {
      config: { role: 'admin' },
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
    async (request) => ({
      data: await ratingConfig.updateSettings(principalOf(request).orgId, request.body, principalOf(request)),
    }),
  );

  app.post(
    '/v1/rating-settings/preview',
    {
      schema: {
        tags,
        summary: 'Preview changed rating settings',
        description:
          'Takes the same body as `PATCH /v1/rating-settings` and answers what it would make — the merged settings and ' +
          'the invite text with a sample link — without storing anything. Refused with the same errors as the PATCH.',
        body: RatingSettingsPatch,
        response: {
          200: Type.Object({
            data: Type.Object({
              invite_text: Type.String({ description: 'The invite message, with `{link}` replaced by `link`.' }),
              link: Type.String({ description: 'A sample rating page link; no rating has it.' }),
              settings: RatingSettings,
            }),
          }),
          ...errorResponses('rating_settings_mismatch', 'unknown_question_code'),
        },
      },
    },
    async (request) => ({
      data: await ratingConfig.previewInvite(principalOf(request).orgId, request.body, `${publicUrl}/r/${SAMPLE_CODE}`),
    }),
  );
};
