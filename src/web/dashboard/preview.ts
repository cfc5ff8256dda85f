import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ValidateFunction } from 'ajv';
import { Type } from 'typebox';
import { AppError } from '../../errors.js';
import { authenticateSession } from '../../http/auth.js';
import { errorResponses } from '../../http/schemas.js';
import { invalidTextIn } from '../../http/text.js';
import { describeValidationErrors, validatorCompiler } from '../../http/validation.js';
import { RatingSettingsPatch } from '../../modules/rating-config/index.js';
import type { Services } from '../../services.js';
import { ratingPagePreview } from '../rating-page/index.js';

// The body of PATCH /v1/rating-settings, validated as strictly as that body is.
const validateDraft = validatorCompiler({
  schema: RatingSettingsPatch,
  httpPart: 'body',
  method: 'GET',
  url: '',
}) as unknown as ValidateFunction;

/** Reads the draft settings from base64url JSON; refused with the errors PATCH /v1/rating-settings would give. */
function decodeDraft(encoded: string | undefined): RatingSettingsPatch {
  if (encoded === undefined || encoded === '') return {};
  let draft: unknown;
  try {
    draft = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('validation_failed', 'query.settings must be the draft settings as base64url-encoded JSON.');
  }
  // Text inside the encoded JSON obeys the rule every string of a request does.
  const fault = invalidTextIn(draft, 'settings');
  if (fault) throw new AppError('invalid_text', fault);
  if (!validateDraft(draft)) {
    throw new AppError('validation_failed', describeValidationErrors(validateDraft.errors ?? [], 'settings'));
  }
  return draft as RatingSettingsPatch;
}

/**
 * `/dashboard/rating-page-preview`: the real rating page for draft settings, for the settings screen to frame. It
 * needs the dashboard's session; it stores nothing, and its form can be sent nowhere (`form-action 'none'`).
 */
export const ratingPagePreviewRoutes: FastifyPluginAsyncTypebox<{ services: Services; publicOrigin: string }> = async (
  app,
  { services, publicOrigin },
) => {
  app.get(
    '/dashboard/rating-page-preview',
    {
      schema: {
        tags: ['Rating settings'],
        summary: 'Preview the rating page (dashboard)',
        description:
          'The rating page an invite would open under draft settings, as HTML for the dashboard to frame (same ' +
          'origin only). Needs the dashboard session cookie, not a key (401 `not_signed_in` without). `settings` is ' +
          'the body of `PATCH /v1/rating-settings` as base64url-encoded JSON, refused with the same errors. Nothing ' +
          'is stored and the form submits nowhere.',
        security: [],
        querystring: Type.Object(
          {
            settings: Type.Optional(
              Type.String({
                maxLength: 16_384,
                pattern: '^[A-Za-z0-9_-]*$',
                description: 'The draft settings: a PATCH /v1/rating-settings body as base64url-encoded JSON.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: 'The rating page, HTML.',
            content: { 'text/html': { schema: Type.String() } },
          },
          ...errorResponses('not_signed_in', 'rating_settings_mismatch', 'unknown_question_code'),
        },
      },
    },
    async (request, reply) => {
      const principal = await authenticateSession(services.sessions, request, publicOrigin);
      const draft = decodeDraft(request.query.settings);
      const settings = await services.ratingConfig.previewSettings(principal.orgId, draft);
      const language = request.headers['accept-language'];
      const page = ratingPagePreview(settings, Array.isArray(language) ? language.join(',') : language);
      reply.header('content-security-policy', page.contentSecurityPolicy);
      reply.header('x-frame-options', 'SAMEORIGIN');
      reply.header('content-language', page.language);
      reply.header('cache-control', 'no-store');
      reply.header('referrer-policy', 'no-referrer');
      reply.header('x-robots-tag', 'noindex, nofollow');
      return reply.type('text/html; charset=utf-8').send(page.html);
    },
  );
};
