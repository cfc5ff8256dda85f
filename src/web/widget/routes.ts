import { readFile } from 'node:fs/promises';
import rateLimit from '@fastify/rate-limit';
import { credentialKey, limitsIn, type RateLimitCounts } from '../../http/rate-limits.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config.js';
import { AppError, isAppError } from '../../errors.js';
import { sessionTokenOf } from '../../http/auth.js';
import { errorResponses, Nullable, Uuid, DateTime } from '../../http/schemas.js';
import { FeedbackInput } from '../../modules/feedback/index.js';
import { AnswerItem, MAX_COMMENT_LENGTH } from '../../modules/ratings/index.js';
import { languageInfo, LanguageSchema } from '../../modules/rating-config/index.js';
import type { WidgetGrant } from '../../modules/widget/index.js';
import type { Services } from '../../services.js';
import { accentColors, newNonce, setPageHeaders, textFor } from '../rating-page/index.js';
import { SessionQuestion, sessionQuestion } from './session-questions.js';
import { demoPage } from './demo.js';
import { widgetText } from './texts.js';

declare module 'fastify' {
  interface FastifyRequest {
    widgetGrant: WidgetGrant | null;
  }
}

/** Where `npm run build` writes the widget script (dist/widget/widget.js beside dist/web/widget/routes.js). */
export const DEFAULT_WIDGET_SCRIPT = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'dist',
  'widget',
  'widget.js',
);

const tags = ['Widget'];
/** Requests per token per minute: far above what a person clicking in a widget sends, low enough to stop a script. */
export const WIDGET_RATE_LIMIT = 120;
const rateLimited = {
  rateLimit: {
    max: WIDGET_RATE_LIMIT,
    timeWindow: 60_000,
    // Per token (its hash: no token is kept as is): many visitors of one site share an address behind a proxy, but
    // never a token.
    keyGenerator: (request: FastifyRequest) => {
      const token = request.headers.authorization;
      return token === undefined ? `address:${request.ip}` : `token:${credentialKey(token)}`;
    },
    errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
      new AppError('rate_limited', `Too many widget requests with this token; try again in ${context.after}.`),
  },
};
const security: never[] = [];
const AUTH_NOTE = ' Authenticated by a widget token (`Authorization: Bearer pwt_…`), never by an API key.';

/** CORS for the widget: any origin, no cookies — the token in the header is the credential. */
function allowAnyOrigin(reply: FastifyReply): void {
  reply.header('access-control-allow-origin', '*');
  reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
  reply.header('access-control-allow-headers', 'authorization, content-type');
  reply.header('access-control-max-age', '600');
  reply.header('vary', 'origin');
}

function grantOf(request: FastifyRequest): WidgetGrant {
  return request.widgetGrant!;
}

const Colors = Type.Object({
  accent: Type.String(),
  on_accent: Type.String(),
  ink: Type.String(),
  soft: Type.String(),
});

const Session = Type.Object({
  conversation_uid: Uuid,
  language: LanguageSchema,
  dir: Type.Union([Type.Literal('ltr'), Type.Literal('rtl')], { description: "The language's direction." }),
  popup_active: Type.Boolean({ description: 'conv_rating_active and conv_rating_popup_active.' }),
  brand: Type.Object({ name: Type.String(), logo_url: Nullable(Type.String()), colors: Colors }),
  questions: Type.Array(SessionQuestion),
  text: Type.Record(Type.String(), Type.String()),
  messages: Type.Array(
    Type.Object({
      uid: Uuid,
      role: Type.String(),
      rating: Type.Union([Type.Literal('like'), Type.Literal('dislike'), Type.Null()], {
        description: "The contact's current feedback on the message.",
      }),
    }),
  ),
});

const PopupRating = Type.Object({
  uid: Uuid,
  status: Type.String(),
  source: Type.String(),
  submitted_at: Nullable(DateTime),
});

/** The embeddable widget: its script, its API under /widget/v1 (CORS for any origin), and the demo page. */
export const widgetRoutes: FastifyPluginAsyncTypebox<{
  services: Services;
  config: Config;
  limits: RateLimitCounts;
  scriptFile?: string;
}> = async (app, { services, limits, scriptFile }) => {
  const script = scriptFile ?? DEFAULT_WIDGET_SCRIPT;

  app.get('/widget.js', { schema: { hide: true } }, async (_request, reply) => {
    let body: string;
    try {
      body = await readFile(script, 'utf8');
    } catch {
      return reply.status(503).type('text/plain; charset=utf-8').send('The widget is not built: run npm run build.');
    }
    reply.header('access-control-allow-origin', '*');
    reply.header('cross-origin-resource-policy', 'cross-origin');
    reply.header('cache-control', 'public, max-age=300');
    return reply.type('application/javascript; charset=utf-8').send(body);
  });

  // The demo page, for a signed-in dashboard user only: their organization's widget demo conversation, or nothing.
  app.get('/widget-demo', { schema: { hide: true } }, async (request, reply) => {
    const sessionToken = sessionTokenOf(request);
    const session = sessionToken
      ? await services.sessions.sessionOf(sessionToken).catch((error: unknown) => {
          if (isAppError(error) && error.code === 'not_signed_in') return undefined;
          throw error;
        })
      : undefined;
    setPageHeaders(reply);
    // A person who is not signed in signs in, and comes back here.
    if (!session || !sessionToken) return reply.redirect(`/sign-in?next=${encodeURIComponent('/widget-demo')}`, 303);
    const demo = await services.widget.demo(session.organization.id, sessionToken);
    const nonce = newNonce();
    reply.header(
      'content-security-policy',
      [
        "default-src 'none'",
        "script-src 'self'",
        "connect-src 'self'",
        `style-src 'nonce-${nonce}'`,
        'img-src https: data:',
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
    return reply
      .type('text/html; charset=utf-8')
      .send(demoPage({ nonce, organizationName: session.organization.name, demo }));
  });

  // The widget API: its own scope, so that its CORS headers and token check reach nothing else.
  await app.register(async (scope) => {
    const api = scope.withTypeProvider<TypeBoxTypeProvider>();
    await api.register(rateLimit, limitsIn(limits, 'widget'));
    api.decorateRequest('widgetGrant', null);
    api.addHook('onRequest', async (request, reply) => {
      allowAnyOrigin(reply);
      if (request.method === 'OPTIONS') return;
      request.widgetGrant = await services.widget.authenticate(request.headers.authorization);
    });

    api.options('/widget/v1/*', { schema: { hide: true } }, async (_request, reply) => reply.status(204).send());

    api.get(
      '/widget/v1/session',
      {
        config: rateLimited,
        schema: {
          tags,
          security,
          summary: "The widget's view of its conversation",
          description:
            "Whether the popup is on, its questions with their labels in the reader's language, the branding, and the " +
            'messages that take feedback.' +
            AUTH_NOTE,
          response: { 200: Type.Object({ data: Session }), ...errorResponses('rate_limited', 'invalid_widget_token') },
        },
      },
      async (request) => {
        const session = await services.widget.session(grantOf(request), request.headers['accept-language']);
        const text = textFor(session.language, session.settings.texts);
        const own = widgetText(session.language, session.settings.texts);
        const brand = session.settings.brand;
        const colors = accentColors(brand.color, '#0f766e');
        return {
          data: {
            conversation_uid: session.conversationUid,
            language: session.language,
            dir: languageInfo[session.language].dir,
            popup_active: session.popupActive,
            brand: {
              name: brand.name,
              logo_url: brand.logoUrl,
              colors: { accent: colors.accent, on_accent: colors.onAccent, ink: colors.ink, soft: colors.soft },
            },
            questions: session.questions.map((question) =>
              sessionQuestion(question, {
                text,
                brand: brand.name,
                language: session.language,
                orgLanguage: session.settings.language,
              }),
            ),
            text: {
              ...own,
              lede: text.lede,
              optional: text.optional,
              comment: text.commentLabel,
              submit: text.submit,
              thanks_title: text.thanksTitle,
              thanks_body: text.thanksBody(brand.name),
              nps_low: text.npsLow,
              nps_high: text.npsHigh,
            },
            messages: session.messages,
          },
        };
      },
    );

    api.post(
      '/widget/v1/rating',
      {
        config: rateLimited,
        schema: {
          tags,
          security,
          summary: "Answer the conversation's popup rating",
          description:
            "Stores the answers as the conversation's rating (source `popup`): its open popup survey, or a new one " +
            'of the configured questions. Thumbs: 1 up, 0 down.' +
            AUTH_NOTE,
          body: Type.Object(
            {
              answers: Type.Array(AnswerItem, { minItems: 1, maxItems: 10 }),
              comment: Type.Optional(Nullable(Type.String({ maxLength: MAX_COMMENT_LENGTH }))),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ data: PopupRating }),
            ...errorResponses(
              'rate_limited',
              'invalid_widget_token',
              'question_not_offered',
              'invalid_rating_value',
              'rating_popup_inactive',
              'rating_expired',
              'rating_cancelled',
              'conversation_anonymized',
            ),
          },
        },
      },
      async (request) => {
        const rating = await services.widget.submitPopup(grantOf(request), request.body);
        return {
          data: { uid: rating.uid, status: rating.status, source: rating.source, submitted_at: rating.submitted_at },
        };
      },
    );

    api.post(
      '/widget/v1/messages/:uid/feedback',
      {
        config: rateLimited,
        schema: {
          tags,
          security,
          summary: 'Like, dislike or comment on a message of the conversation',
          description:
            "Recorded with the conversation's contact as the author, by the same rules as the native message feedback." +
            AUTH_NOTE,
          params: Type.Object({ uid: Uuid }),
          body: FeedbackInput,
          response: {
            200: Type.Object({
              data: Type.Object({
                uid: Uuid,
                rating: Nullable(Type.String()),
                comment: Nullable(Type.String()),
                created_at: DateTime,
              }),
            }),
            204: Type.Null({ description: 'A no-op: nothing was stored.' }),
            ...errorResponses('rate_limited', 'invalid_widget_token', 'message_not_found', 'conversation_anonymized'),
          },
        },
      },
      async (request, reply) => {
        const record = await services.widget.messageFeedback(grantOf(request), request.params.uid, request.body);
        if (!record) return reply.status(204).send(null);
        return {
          data: { uid: record.uid, rating: record.rating, comment: record.comment, created_at: record.created_at },
        };
      },
    );
  });
};
