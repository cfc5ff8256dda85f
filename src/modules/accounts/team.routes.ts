import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf, sessionTokenOf } from '../../http/auth.js';
import { errorResponses, IntegerId, Uuid } from '../../http/schemas.js';
import type { ProfileService } from './profile.service.js';
import {
  Invitation,
  InvitationInput,
  IssuedInvitation,
  MemberChanges,
  Name,
  Password,
  Profile,
  TeamMember,
} from './team.schemas.js';
import type { TeamService } from './team.service.js';

const tags = ['Team'];
const admin = { role: 'admin' as const };

/** The team (admins only): members, roles, deactivation, invitations; and every user's own name and password. */
export const teamRoutes: FastifyPluginAsyncTypebox<{ team: TeamService; profile: ProfileService }> = async (
  app,
  { team, profile },
) => {
  app.get(
    '/v1/users',
    {
      config: admin,
      schema: {
        tags,
        summary: "List the organization's members",
        description: 'Active members first, then deactivated ones; each with their role and last sign-in.',
        response: { 200: Type.Object({ data: Type.Array(TeamMember) }), ...errorResponses() },
      },
    },
    async (request) => ({ data: await team.listMembers(principalOf(request).orgId) }),
  );

  app.patch(
    '/v1/users/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: "Change a member's role or linked agent",
        description:
          'Changes what the body names, all or nothing. The last active admin cannot become an agent: 409 ' +
          '`last_admin`; a deactivated member keeps their role (409 `user_deactivated`), though their agent may ' +
          'change. `agent_id` links the member to an agent already in the directory (404 `agent_not_found` ' +
          'otherwise; nothing is created) and linked to nobody else (409 `agent_already_linked`); null unlinks.',
        params: Type.Object({ id: Uuid }),
        body: MemberChanges,
        response: {
          200: Type.Object({ data: TeamMember }),
          ...errorResponses(
            'user_not_found',
            'last_admin',
            'user_deactivated',
            'agent_not_found',
            'agent_already_linked',
          ),
        },
      },
    },
    async (request) => ({
      data: await team.updateMember(principalOf(request), request.params.id, request.body),
    }),
  );

  app.post(
    '/v1/users/:id/deactivate',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Deactivate a member',
        description:
          'At once and in one transaction, their dashboard sessions end and their API keys are revoked; they can no ' +
          'longer sign in. Deactivating twice changes nothing. The last active admin: 409 `last_admin`.',
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Object({ data: TeamMember }), ...errorResponses('user_not_found', 'last_admin') },
      },
    },
    async (request) => ({ data: await team.deactivate(principalOf(request), request.params.id) }),
  );

  app.get(
    '/v1/invitations',
    {
      config: admin,
      schema: {
        tags,
        summary: 'List the pending invitations',
        description: 'Invitations neither accepted, revoked nor expired, newest first.',
        response: { 200: Type.Object({ data: Type.Array(Invitation) }), ...errorResponses() },
      },
    },
    async (request) => ({ data: await team.listPendingInvitations(principalOf(request).orgId) }),
  );

  app.post(
    '/v1/invitations',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Invite someone to the team',
        description:
          'Answers the link to accept it (`PUBLIC_URL/accept-invite?token=…`) this once; with `SMTP_URL` set it is ' +
          'also emailed. The link works once, for 7 days. An email that already has an account: 409 `email_taken`; ' +
          'one already invited: 409 `invitation_pending`.',
        body: InvitationInput,
        response: {
          201: Type.Object({ data: IssuedInvitation }),
          ...errorResponses('email_taken', 'invitation_pending'),
        },
      },
    },
    async (request, reply) => reply.status(201).send({ data: await team.invite(principalOf(request), request.body) }),
  );

  app.delete(
    '/v1/invitations/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Revoke an invitation',
        description: 'Its link stops working (410 `invitation_revoked`). Revoking twice changes nothing.',
        params: Type.Object({ id: IntegerId }),
        response: {
          200: Type.Object({ data: Invitation }),
          ...errorResponses('invitation_not_found', 'invitation_accepted'),
        },
      },
    },
    async (request) => ({ data: await team.revokeInvitation(principalOf(request), request.params.id) }),
  );

  app.patch(
    '/v1/me',
    {
      schema: {
        tags: ['Account'],
        summary: 'Change your own name',
        body: Type.Object({ name: Name }, { additionalProperties: false }),
        response: { 200: Type.Object({ data: Profile }), ...errorResponses() },
      },
    },
    async (request) => ({ data: await profile.rename(principalOf(request), request.body.name) }),
  );

  app.post(
    '/v1/me/password',
    {
      schema: {
        tags: ['Account'],
        summary: 'Change your own password',
        description:
          'Needs the current password (400 `current_password_incorrect`). The new one has at least 12 characters ' +
          'and is not a common password. Every other session of yours ends; this one stays signed in.',
        body: Type.Object({ current_password: Password, new_password: Password }, { additionalProperties: false }),
        response: {
          200: Type.Object({ data: Type.Object({ ended_sessions: Type.Integer() }) }),
          ...errorResponses('current_password_incorrect', 'password_too_short', 'password_too_common'),
        },
      },
    },
    async (request) => ({
      data: await profile.changePassword(principalOf(request), {
        currentPassword: request.body.current_password,
        newPassword: request.body.new_password,
        keepSessionToken: request.headers.authorization === undefined ? sessionTokenOf(request) : undefined,
      }),
    }),
  );
};
