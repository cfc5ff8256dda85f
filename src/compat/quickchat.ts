import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../http/auth.js';
import { useSurface } from '../http/errors.js';
import { errorResponsesIn } from '../http/schemas.js';
import { RatingSettingsPatch, type StoredSettings } from '../modules/rating-config/index.js';
import type { Services } from '../services.js';

const tags = ['Quickchat compatible'];
const PATH = '/v1/api/conversation_ratings/configuration';

/** Quickchat's error body. */
export const QuickchatError = Type.Object(
  {
    errors: Type.Object({
      root: Type.Array(
        Type.Object({
          message: Type.String({ description: 'What went wrong, in a sentence.' }),
          code: Type.String({ description: "Plaudit's stable error code; see docs/errors.md." }),
        }),
      ),
    }),
  },
  { title: 'QuickchatError' },
);

const errors = errorResponsesIn(QuickchatError, 'rating_settings_mismatch', 'unknown_question_code');

const Configuration = Type.Object(
  {
    conv_rating_active: Type.Boolean({ description: 'Collect visitor feedback at the end of conversations.' }),
    conv_rating_popup_active: Type.Boolean({ description: 'Show the popup; always equal to `conv_rating_active`.' }),
    conv_rating_question_codes: Type.Array(Type.String(), { description: 'The feedback questions, in order.' }),
  },
  { title: 'QuickchatRatingConfiguration' },
);

// The native field schemas: booleans and any strings as codes, so that an unknown code reaches the service's check
// and gets its own error code. Other fields a Quickchat client sends are ignored.
const ConfigurationPatch = Type.Object({
  conv_rating_active: RatingSettingsPatch.properties.conv_rating_active,
  conv_rating_popup_active: RatingSettingsPatch.properties.conv_rating_popup_active,
  conv_rating_question_codes: RatingSettingsPatch.properties.conv_rating_question_codes,
});

function configuration(settings: StoredSettings) {
  return {
    conv_rating_active: settings.conv_rating_active,
    conv_rating_popup_active: settings.conv_rating_popup_active,
    conv_rating_question_codes: settings.conv_rating_question_codes,
  };
}

/** The Quickchat compatible surface: an adapter over the same services as the native API. */
export const quickchatRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  useSurface(app, 'quickchat');
  const { ratingConfig } = services;

  app.get(
    PATH,
    {
      schema: {
        tags,
        summary: 'Get the conversation rating configuration (Quickchat)',
        response: { 200: Configuration, ...errors },
      },
    },
    async (request) => configuration(await ratingConfig.getSettings(principalOf(request).orgId)),
  );

  app.patch(
    PATH,
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Change the conversation rating configuration (Quickchat)',
        description:
          'Send any subset of the three fields. `conv_rating_active` and `conv_rating_popup_active` must end up ' +
          'equal and every question code must be known; otherwise nothing changes.',
        body: ConfigurationPatch,
        response: { 200: Configuration, ...errors },
      },
    },
    async (request) => {
      const { conv_rating_active, conv_rating_popup_active, conv_rating_question_codes } = request.body;
      const patch = { conv_rating_active, conv_rating_popup_active, conv_rating_question_codes };
      const present = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      return configuration(
        await ratingConfig.updateSettings(principalOf(request).orgId, present, principalOf(request)),
      );
    },
  );
};
