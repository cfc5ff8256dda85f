import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import { limitsIn, type RateLimitCounts } from '../../http/rate-limits.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import { isAppError } from '../../errors.js';
import type { ResolvedSettings } from '../../modules/rating-config/index.js';
import type { QuestionDefinition } from '../../modules/questions/index.js';
import { looksLikeRatingCode, type Rating } from '../../modules/ratings/index.js';
import type { Services } from '../../services.js';
import { currentValues, formQuestions, parseForm } from './form.js';
import { currentCustomValues, customFormQuestions, parseCustom } from './custom-questions.js';
import { linkAnswerOf, type LinkAnswer } from './link-answer.js';
import {
  contentSecurityPolicy,
  CSRF_FIELD,
  csrfMatches,
  csrfToken,
  newNonce,
  pagePath,
  setPageHeaders,
} from './security.js';
import { neutralContext, ratingContext, settingsContext, type PageContext } from './page-context.js';
import { FormPageCache, type PlainFormView } from './form-cache.js';
import type { RenderedPage } from './page-bytes.js';
import { formPage, messagePage, thanksPage, type PageFrame } from './views.js';

const CodeParams = Type.Object({ code: Type.String({ description: 'The code from the rating link.' }) });
// An email's answer link: `?answer=4`. Anything else in the query is ignored, as links get tracking parameters added;
// an answer the question does not take, however long or repeated, opens the page as without one (link-answer.ts).
const PageQuery = Type.Object({ answer: Type.Optional(Type.Unknown()) });
// The form is small: a comment of MAX_COMMENT_LENGTH characters fits several times over, even percent-encoded.
const FORM_BODY_LIMIT = 64 * 1024;
const MINUTE = 60_000;

/** The rating's question codes in the survey's order: the page asks them so, as the messages do. */
function askedOrder(rating: Rating): string[] {
  return rating.questions.map((question) => question.code);
}

/** The versions the rating's own questions were asked in, by `code@version`. */
type Definitions = ReadonlyMap<string, QuestionDefinition>;

/** Sends a page with a fresh CSP nonce of its own; `script` lets the page run its own nonce-bearing script. */
function sendPage(
  reply: FastifyReply,
  status: number,
  context: PageContext,
  render: (frame: PageFrame) => RenderedPage,
  script = false,
): FastifyReply {
  const nonce = newNonce();
  return sendBytes(reply, status, context, nonce, render(frameOf(context, nonce)).bytes(), script);
}

function frameOf(context: PageContext, nonce: string): PageFrame {
  return { lang: context.lang, text: context.text, nonce, brand: context.brand };
}

/** Sends a page's bytes, made with `nonce`, under the policy that lets that nonce's stylesheet (and script) in. */
function sendBytes(
  reply: FastifyReply,
  status: number,
  context: PageContext,
  nonce: string,
  bytes: Buffer,
  script = false,
): FastifyReply {
  reply.header('content-security-policy', contentSecurityPolicy(nonce, context.formTargets, { script }));
  reply.header('content-language', context.lang);
  reply.header('vary', 'Accept-Language, Cookie');
  return reply.status(status).type('text/html; charset=utf-8').send(bytes);
}

function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendPage(reply, 404, neutralContext(request), (frame) =>
    messagePage(frame, { icon: 'alert', title: frame.text.notFoundTitle, body: frame.text.notFoundBody }),
  );
}

type Closed = 'expired' | 'cancelled';

/** Why a rating takes no more answers, if it does not: withdrawn, or past its expiry (answered or not). */
function closedReason(rating: Rating): Closed | null {
  if (rating.status === 'cancelled' || rating.cancelled_at !== null) return 'cancelled';
  if (rating.status === 'expired') return 'expired';
  if (rating.expires_at !== null && Date.parse(rating.expires_at) <= Date.now()) return 'expired';
  return null;
}

function sendClosed(reply: FastifyReply, context: PageContext, reason: Closed): FastifyReply {
  return sendPage(reply, 410, context, (frame) =>
    reason === 'expired'
      ? messagePage(frame, { icon: 'clock', title: frame.text.expiredTitle, body: frame.text.expiredBody })
      : messagePage(frame, {
          icon: 'alert',
          title: frame.text.cancelledTitle,
          body: frame.text.cancelledBody(frame.brand.name),
        }),
  );
}

/**
 * The rating a page request is about, with its page context — or the answer already sent: 404 for a code that is
 * not one (without asking the database when it cannot be one), 410 when the rating has expired or was cancelled.
 * Showing the page (`opens`) records the opening; a posted form is only read here, so that a refused one records
 * nothing — an accepted answer records the opening with it.
 */
async function openRating(
  request: FastifyRequest,
  reply: FastifyReply,
  ratings: Services['ratings'],
  code: string,
  opens: boolean,
): Promise<
  { rating: Rating; orgId: number; settings: ResolvedSettings; context: PageContext } | { sent: FastifyReply }
> {
  if (!looksLikeRatingCode(code)) return { sent: sendNotFound(request, reply) };
  const found = opens ? await ratings.openByCode(code) : await ratings.findByCode(code);
  if (!found) return { sent: sendNotFound(request, reply) };
  const context = ratingContext(request, found.rating, found.settings);
  const closed = closedReason(found.rating);
  if (closed) return { sent: sendClosed(reply, context, closed) };
  return { rating: found.rating, orgId: found.orgId, settings: found.settings, context };
}

/**
 * The public rating page `/r/{code}` that a rating invite links to: a server-rendered form that works without
 * JavaScript. Form parsing, cookies and the rate limit are registered here, so they apply to this page only.
 */
export const ratingPageRoutes: FastifyPluginAsyncTypebox<{
  services: Services;
  config: Config;
  limits: RateLimitCounts;
}> = async (app, { services, config, limits }) => {
  const { ratings } = services;
  const forms = new FormPageCache();
  /** The versions the rating's own questions were asked in (none read for a survey of built-in codes). */
  const definitionsOf = async (orgId: number, rating: Rating, db?: Db): Promise<Definitions> => {
    const own = rating.questions.filter((question) => question.version !== null).map((question) => question.code);
    return own.length === 0 ? new Map() : services.questions.definitions(orgId, own, db);
  };
  const withDefinitions = async <T extends { rating: Rating; orgId: number }>(opened: T) => ({
    ...opened,
    definitions: await definitionsOf(opened.orgId, opened.rating),
  });
  /** What a link's answer is read against: the page's texts and the rating's own questions in its language. */
  const askedOn = (page: {
    rating: Rating;
    settings: ResolvedSettings;
    context: PageContext;
    definitions: Definitions;
  }) => ({
    text: page.context.text,
    custom: customFormQuestions(page.rating, page.definitions, page.context.lang, page.settings.language),
  });

  await app.register(formbody, { bodyLimit: FORM_BODY_LIMIT });
  await app.register(cookie);
  // Counted per client address (behind a proxy: with TRUST_PROXY, the forwarded one); a limit set on a route keeps its
  // own count, so GET and POST are counted apart. With REDIS_URL every node shares the counts, else each process counts.
  await app.register(rateLimit, limitsIn(limits, 'rating-page'));
  const rateLimited = { rateLimit: { max: config.ratingPageRateLimit, timeWindow: MINUTE } };
  // The page takes forms only; a JSON body is refused (415) instead of being read as one.
  app.removeContentTypeParser('application/json');

  app.addHook('onSend', (_request, reply, payload, done) => {
    setPageHeaders(reply);
    done(null, payload);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    // Refusals of the shared mechanisms (text that is not text, a body too deep) are AppErrors with their own status.
    const declared = isAppError(error) ? error.status : error.statusCode;
    const status = declared !== undefined && declared >= 400 ? declared : 500;
    if (status >= 500) request.log.error({ err: error }, 'rating page failed');
    else request.log.info({ status, reason: error.message }, 'rating page request rejected');
    return sendPage(reply, status, neutralContext(request), (frame) => {
      const { text } = frame;
      if (status === 429)
        return messagePage(frame, { icon: 'clock', title: text.rateLimitedTitle, body: text.rateLimitedBody });
      if (status >= 500) return messagePage(frame, { icon: 'alert', title: text.errorTitle, body: text.errorBody });
      return messagePage(frame, { icon: 'alert', title: text.errorTitle, body: text.badRequestBody });
    });
  });

  /** The form, with the answer a link chose (preselected, and the block that records it) when there is one. */
  async function sendForm(
    request: FastifyRequest,
    reply: FastifyReply,
    opened: {
      rating: Rating;
      orgId: number;
      settings: ResolvedSettings;
      context: PageContext;
      definitions: Definitions;
    },
    code: string,
    link?: { answer: LinkAnswer; recorded: boolean },
  ): Promise<FastifyReply> {
    const { rating, context } = opened;
    const questions = formQuestions(rating);
    const values = currentValues(rating, questions);
    const custom = customFormQuestions(rating, opened.definitions, context.lang, opened.settings.language);
    const customValues = currentCustomValues(rating, custom);
    if (link?.answer.custom) customValues[link.answer.field] = [link.answer.option];
    else if (link) values.choices[link.answer.field] = link.answer.option;
    const view: PlainFormView = {
      code,
      csrfToken: csrfToken(request, reply, code),
      questions,
      values,
      answered: rating.submitted_at !== null,
      expiresAt: rating.expires_at,
      custom: { questions: custom, values: customValues },
      order: askedOrder(rating),
    };
    if (link) {
      return sendPage(
        reply,
        200,
        context,
        (frame) => formPage(frame, { ...view, errors: {}, linkAnswer: link }),
        !link.recorded,
      );
    }
    const nonce = newNonce();
    return sendBytes(reply, 200, context, nonce, forms.bytes(frameOf(context, nonce), view));
  }

  app.get(
    '/r/:code',
    { schema: { hide: true, params: CodeParams, querystring: PageQuery }, config: rateLimited },
    async (request, reply) => {
      const { code } = request.params;
      // A link with an answer records nothing when fetched, not even the opening: a mail scanner fetches links too.
      // The page's own POST records the answer and the opening with it.
      const withAnswer = request.query.answer !== undefined;
      const opened = await openRating(request, reply, ratings, code, !withAnswer);
      if ('sent' in opened) return opened.sent;
      const page = await withDefinitions(opened);
      const answer = withAnswer
        ? linkAnswerOf(opened.rating, request.query.answer, undefined, askedOn(page))
        : undefined;
      return sendForm(request, reply, page, code, answer && { answer, recorded: false });
    },
  );

  app.post(
    '/r/:code/answer',
    { schema: { hide: true, params: CodeParams }, config: rateLimited, bodyLimit: FORM_BODY_LIMIT },
    async (request, reply) => {
      const { code } = request.params;
      const opened = await openRating(request, reply, ratings, code, false);
      if ('sent' in opened) return opened.sent;
      const { context } = opened;
      const body = (request.body ?? {}) as Record<string, unknown>;
      if (!csrfMatches(request, body[CSRF_FIELD])) {
        return sendPage(reply, 403, context, (frame) =>
          messagePage(frame, {
            icon: 'alert',
            title: frame.text.forbiddenTitle,
            body: frame.text.forbiddenBody,
            action: { href: pagePath(code), label: frame.text.backToForm },
          }),
        );
      }
      const page = await withDefinitions(opened);
      const answer = linkAnswerOf(opened.rating, body.answer, body.question, askedOn(page));
      if (!answer) {
        return sendPage(reply, 400, context, (frame) =>
          messagePage(frame, {
            icon: 'alert',
            title: frame.text.errorTitle,
            body: frame.text.badRequestBody,
            action: { href: pagePath(code), label: frame.text.backToForm },
          }),
        );
      }
      let rating: Rating;
      try {
        ({ rating } = await ratings.answerChoice({ code }, answer.answer, { replaces: true, opens: true }));
      } catch (error) {
        if (isAppError(error) && error.code === 'rating_expired') return sendClosed(reply, context, 'expired');
        if (isAppError(error) && error.code === 'rating_cancelled') return sendClosed(reply, context, 'cancelled');
        throw error;
      }
      // The page's script needs no page back; a rater without script gets the rest of the survey.
      if (request.headers['x-plaudit-link-answer'] === 'fetch') return reply.status(204).send();
      return sendForm(request, reply, { ...page, rating }, code, { answer, recorded: true });
    },
  );

  app.post(
    '/r/:code',
    { schema: { hide: true, params: CodeParams }, config: rateLimited, bodyLimit: FORM_BODY_LIMIT },
    async (request, reply) => {
      const { code } = request.params;
      if (!looksLikeRatingCode(code)) return sendNotFound(request, reply);
      const body = (request.body ?? {}) as Record<string, unknown>;
      // The form is read against the rating as it is under its lock, in the transaction that records the answer: a
      // refusal (a closed rating, a foreign form, a form to show again) writes nothing and is sent afterwards.
      const seen: { context?: PageContext } = {};
      let outcome: Awaited<ReturnType<typeof ratings.answerPage<() => FastifyReply>>>;
      try {
        outcome = await ratings.answerPage<() => FastifyReply>(code, async ({ rating, orgId, settings }, db) => {
          const page = ratingContext(request, rating, settings);
          seen.context = page;
          const closed = closedReason(rating);
          if (closed) return { refused: () => sendClosed(reply, page, closed) };
          if (!csrfMatches(request, body[CSRF_FIELD])) {
            return {
              refused: () =>
                sendPage(reply, 403, page, (frame) =>
                  messagePage(frame, {
                    icon: 'alert',
                    title: frame.text.forbiddenTitle,
                    body: frame.text.forbiddenBody,
                    action: { href: pagePath(code), label: frame.text.backToForm },
                  }),
                ),
            };
          }
          const questions = formQuestions(rating);
          const parsed = parseForm(body, questions);
          const definitions = await definitionsOf(orgId, rating, db);
          const own = parseCustom(body, customFormQuestions(rating, definitions, 'en', null));
          if (parsed.ok && Object.keys(own.errors).length === 0) {
            return { answers: [...parsed.answers, ...own.answers], comment: parsed.comment };
          }
          return {
            refused: () => {
              const token = csrfToken(request, reply, code);
              return sendPage(reply, 400, page, (frame) =>
                formPage(frame, {
                  code,
                  csrfToken: token,
                  questions,
                  values: parsed.values,
                  errors: { ...(parsed.ok ? {} : parsed.errors), ...own.errors },
                  answered: false,
                  expiresAt: rating.expires_at,
                  custom: {
                    questions: customFormQuestions(rating, definitions, frame.lang, settings.language),
                    values: own.values,
                  },
                  order: askedOrder(rating),
                }),
              );
            },
          };
        });
      } catch (error) {
        // It expired or was withdrawn in the moment between the read and the answer's own check.
        const { context } = seen;
        if (context && isAppError(error) && error.code === 'rating_expired')
          return sendClosed(reply, context, 'expired');
        if (context && isAppError(error) && error.code === 'rating_cancelled') {
          return sendClosed(reply, context, 'cancelled');
        }
        throw error;
      }
      if (!outcome) return sendNotFound(request, reply);
      if ('refused' in outcome) return outcome.refused();
      const { answered } = outcome;
      const { settings } = outcome.found;
      const questions = formQuestions(outcome.found.rating);
      // The answer was decided on: the page's context is the one worked out then.
      const context = seen.context!;

      const main = questions.find((question) => question.field === 'stars');
      const stars = main ? answered.questions.find((question) => question.code === main.code)?.value : undefined;
      const review = settingsContext(settings).reviewLink;
      if (
        review &&
        settings.redirect_policy === 'high_ratings' &&
        typeof stars === 'number' &&
        stars >= settings.redirect_min_stars
      ) {
        return reply.redirect(review, 303);
      }
      return sendPage(reply, 200, context, (frame) =>
        thanksPage(frame, {
          code,
          reviewLink: settings.redirect_policy === 'everyone' ? review : null,
          expiresAt: answered.expires_at,
        }),
      );
    },
  );
};
