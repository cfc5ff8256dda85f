import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schemas.js';
import { LanguageTexts, TextLanguage, TextsPatch } from './rating-texts.schemas.js';
import type { RatingTextsService } from './rating-texts.service.js';

const tags = ['Rating settings'];
const LanguageParams = Type.Object({
  language: Type.String({ maxLength: 16, description: 'A language code, e.g. `de`; see the list of languages.' }),
});

/** GET /v1/rating-settings/texts and GET/PUT /v1/rating-settings/texts/{language}: the texts, overridden per language. */
export const ratingTextsRoutes: FastifyPluginAsyncTypebox<{ texts: RatingTextsService }> = async (app, { texts }) => {
  app.get(
    '/v1/rating-settings/texts',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'List the languages of the texts',
        description:
          'Every language of the rating page, the widget, the invite message and the thank-you page, with how many of ' +
          'its texts the organization overrides.',
        response: { 200: Type.Object({ data: Type.Array(TextLanguage) }), ...errorResponses() },
      },
    },
    async (request) => ({ data: await texts.languages(principalOf(request).orgId) }),
  );

  app.get(
    '/v1/rating-settings/texts/:language',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Get the texts of a language',
        description: "Each text's key, its default in the language, the organization's override (or null).",
        params: LanguageParams,
        response: { 200: Type.Object({ data: LanguageTexts }), ...errorResponses('unsupported_language') },
      },
    },
    async (request) => ({ data: await texts.texts(principalOf(request).orgId, request.params.language) }),
  );

  app.put(
    '/v1/rating-settings/texts/:language',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Override texts of a language',
        description:
          'Sets the named keys to their new texts; an empty text removes the override. All or nothing: an unknown key, ' +
          'a placeholder the text cannot fill or an unsupported language changes nothing. Answers the texts as stored.',
        params: LanguageParams,
        body: TextsPatch,
        response: {
          200: Type.Object({ data: LanguageTexts }),
          ...errorResponses('unsupported_language', 'unknown_text_key', 'unknown_text_placeholder'),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return { data: await texts.update(principal.orgId, request.params.language, request.body, principal) };
    },
  );
};
