import cookie, { type CookieSerializeOptions } from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { limitsIn, type RateLimitCounts } from '../../http/rate-limits.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, isAppError } from '../../errors.js';
import { authenticateSession, SESSION_COOKIE, sessionTokenOf } from '../../http/auth.js';
import { checkSameOrigin } from '../../http/origin.js';
import { errorResponses, Nullable, Uuid } from '../../http/schemas.js';
import type { SessionsService } from './sessions.service.js';

const tags = ['Session'];
const FIVE_MINUTES = 5 * 60_000;

export const Session = Type.Object({
  user: Type.Object({
    id: Uuid,
    email: Type.String(),
    name: Nullable(Type.String()),
    role: Type.Union([Type.Literal('admin'), Type.Literal('agent')]),
  }),
  organization: Type.Object({ id: Type.Integer(), name: Type.String(), timezone: Type.String() }),
  csrf_token: Type.String({
    description: 'Send it in the `x-csrf-token` header of every request that is not a GET or HEAD.',
  }),
});

/** The session cookie's attributes; `Secure` whenever the request came over HTTPS (with TRUST_PROXY, as forwarded). */
export function cookieOptions(request: FastifyRequest, maxAgeSeconds?: number): CookieSerializeOptions {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

/** Runs `work`; when it finds no live session, the cookie of the ended one is cleared along with the 401. */
async function clearingEndedSession<T>(request: FastifyRequest, reply: FastifyReply, work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error) && error.code === 'not_signed_in' && sessionTokenOf(request)) {
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
    }
    throw error;
  }
}

/**
 * Dashboard sign-in: `/auth/sign-in`, `/auth/session`, `/auth/sign-out`. Registered outside the API-key scope, with
 * cookies and a sign-in rate limit of their own. Sign-in takes JSON only, which a cross-site form cannot send (nor a
 * cross-site script without a CORS preflight), and refuses what a browser says comes from another site, so another
 * site cannot sign a browser in to an account of its choosing. `publicOrigin` is PUBLIC_URL's origin.
 */
export const sessionsRoutes: FastifyPluginAsyncTypebox<{
  sessions: SessionsService;
  signInRateLimit: number;
  limits: RateLimitCounts;
  publicOrigin: string;
}> = async (app, { sessions, signInRateLimit, limits, publicOrigin }) => {
  await app.register(cookie);
  // Counted per client address (with TRUST_PROXY, the forwarded one): with REDIS_URL shared by every node, else in
  // this process.
  await app.register(rateLimit, limitsIn(limits, 'sign-in'));
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.post(
    '/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in to the dashboard',
        description:
          'Checks the email and password and begins a session: the answer sets the HttpOnly cookie ' +
          '`plaudit_session` (SameSite=Lax, Secure over HTTPS) that authenticates the native `/v1` API in place of a ' +
          'key. Sessions end after 12 idle hours and 7 days at most. JSON bodies only. A wrong email and a wrong ' +
          'password answer the same 401. Each client address may try SIGN_IN_RATE_LIMIT times (10 by default) in 5 ' +
          'minutes; then 429 `rate_limited`. A browser request from another site (its `Origin` or ' +
          '`Sec-Fetch-Site`) answers 403 `cross_origin_request`.',
        security: [],
        body: Type.Object(
          {
            email: Type.String({ minLength: 1, maxLength: 254 }),
            password: Type.String({ minLength: 1, maxLength: 1024 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ data: Session }),
          ...errorResponses('invalid_credentials', 'cross_origin_request', 'rate_limited'),
        },
      },
      onRequest: async (request) => checkSameOrigin(request, publicOrigin),
      config: {
        rateLimit: {
          max: signInRateLimit,
          timeWindow: FIVE_MINUTES,
          errorResponseBuilder: (_request, context) =>
            new AppError('rate_limited', `Too many sign-in attempts from this address; try again in ${context.after}.`),
        },
      },
    },
    async (request, reply) => {
      const previous = sessionTokenOf(request);
      const signedIn = await sessions.signIn(request.body.email, request.body.password);
      // A browser holds one session: signing in again ends the one it had.
      if (previous) await sessions.signOut(previous);
      const maxAge = Math.round((Date.parse(signedIn.expiresAt) - Date.now()) / 1000);
      reply.setCookie(SESSION_COOKIE, signedIn.token, cookieOptions(request, maxAge));
      return { data: signedIn.session };
    },
  );

  app.get(
    '/auth/session',
    {
      schema: {
        tags,
        summary: 'The signed-in user',
        description:
          'The session of the `plaudit_session` cookie, as sign-in answered it; 401 `not_signed_in` without.',
        security: [],
        response: { 200: Type.Object({ data: Session }), ...errorResponses('not_signed_in') },
      },
    },
    async (request, reply) => {
      const token = sessionTokenOf(request);
      if (!token) throw new AppError('not_signed_in', 'Sign in first: there is no session, or it has ended.');
      return { data: await clearingEndedSession(request, reply, () => sessions.sessionOf(token)) };
    },
  );

  app.post(
    '/auth/sign-out',
    {
      schema: {
        tags,
        summary: 'Sign out of the dashboard',
        description:
          "Ends the session and clears its cookie. Needs the session's `x-csrf-token` header, and refuses a browser " +
          'request from another site with 403 `cross_origin_request`.',
        security: [],
        response: {
          204: Type.Null({ description: 'Signed out.' }),
          ...errorResponses('not_signed_in', 'csrf_token_invalid', 'cross_origin_request'),
        },
      },
    },
    async (request, reply) => {
      await clearingEndedSession(request, reply, () => authenticateSession(sessions, request, publicOrigin));
      await sessions.signOut(sessionTokenOf(request)!);
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return reply.status(204).send(null);
    },
  );
};
