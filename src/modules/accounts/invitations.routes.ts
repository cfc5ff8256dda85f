import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { limitsIn, type RateLimitCounts } from '../../http/rate-limits.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../errors.js';
import { SESSION_COOKIE, sessionTokenOf } from '../../http/auth.js';
import { checkSameOrigin } from '../../http/origin.js';
import { errorResponses } from '../../http/schemas.js';
import { cookieOptions, Session } from './sessions.routes.js';
import type { SessionsService } from './sessions.service.js';
import { AcceptInput, InvitationPreview } from './team.schemas.js';
import type { TeamService } from './team.service.js';

const tags = ['Team'];
const FIVE_MINUTES = 5 * 60_000;
const params = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });
const refusals = ['invitation_not_found', 'invitation_expired', 'invitation_accepted', 'invitation_revoked'] as const;

/**
 * Accepting an invitation: public (the token in the link is the credential), registered outside the API-key scope
 * with cookies, as sign-in is. Accepting takes JSON from this server's own pages only and shares sign-in's rate limit.
 */
export const invitationRoutes: FastifyPluginAsyncTypebox<{
  team: TeamService;
  sessions: SessionsService;
  signInRateLimit: number;
  limits: RateLimitCounts;
  publicOrigin: string;
}> = async (app, { team, sessions, signInRateLimit, limits, publicOrigin }) => {
  await app.register(cookie);
  await app.register(rateLimit, limitsIn(limits, 'invitations'));
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
  });

  app.get(
    '/v1/invitations/:token',
    {
      schema: {
        tags,
        summary: 'Show an invitation',
        description:
          'By the token of its link, without a key: the email invited, the role, the organization and who invited. ' +
          'A link that no longer works: 404 `invitation_not_found`, or 410 `invitation_expired`, ' +
          '`invitation_accepted` or `invitation_revoked`.',
        security: [],
        params,
        response: { 200: Type.Object({ data: InvitationPreview }), ...errorResponses(...refusals) },
      },
    },
    async (request) => ({ data: await team.previewInvitation(request.params.token) }),
  );

  app.post(
    '/v1/invitations/:token/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation',
        description:
          'Creates the user with this name and password and signs them in, as sign-in does (the answer sets the ' +
          '`plaudit_session` cookie). The password has at least 12 characters (400 `password_too_short`) and is not ' +
          'one of the 10,000 most common (400 `password_too_common`). A link works once.',
        security: [],
        params,
        body: AcceptInput,
        response: {
          200: Type.Object({ data: Session }),
          ...errorResponses(
            ...refusals,
            'password_too_short',
            'password_too_common',
            'email_taken',
            'cross_origin_request',
            'rate_limited',
          ),
        },
      },
      onRequest: async (request) => checkSameOrigin(request, publicOrigin),
      config: {
        rateLimit: {
          max: signInRateLimit,
          timeWindow: FIVE_MINUTES,
          errorResponseBuilder: (_request, context) =>
            new AppError('rate_limited', `Too many attempts from this address; try again in ${context.after}.`),
        },
      },
    },
    async (request, reply) => {
      const previous = sessionTokenOf(request);
      const signedIn = await team.acceptInvitation(request.params.token, request.body);
      if (previous) await sessions.signOut(previous);
      const maxAge = Math.round((Date.parse(signedIn.expiresAt) - Date.now()) / 1000);
      reply.setCookie(SESSION_COOKIE, signedIn.token, cookieOptions(request, maxAge));
      return { data: signedIn.session };
    },
  );
};
