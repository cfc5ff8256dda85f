import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { DateTime, errorResponses, IntegerId, Nullable, Uuid } from '../../http/schemas.js';
import type { AccountsService } from './accounts.service.js';

const tags = ['Account'];
const ScopeSchema = Type.Union([Type.Literal('read_all'), Type.Literal('write_all')]);

const ApiKey = Type.Object({
  id: Type.Integer(),
  user_id: Uuid,
  owner: Type.Object(
    { id: Uuid, name: Nullable(Type.String()), email: Type.String() },
    { description: 'The user the key belongs to.' },
  ),
  name: Nullable(Type.String()),
  prefix: Type.String({ description: 'The first characters of the key, to tell keys apart.' }),
  scopes: Type.Array(ScopeSchema),
  created_at: DateTime,
  last_used_at: Nullable(DateTime),
  revoked_at: Nullable(DateTime),
});

/** Who the caller is, and the organization's API keys. */
export const accountsRoutes: FastifyPluginAsyncTypebox<{ accounts: AccountsService }> = async (app, { accounts }) => {
  app.get(
    '/v1/me',
    {
      schema: {
        tags,
        summary: 'Who the key belongs to',
        description: 'With a dashboard session instead of a key, `api_key` is null.',
        response: {
          200: Type.Object({
            data: Type.Object({
              organization: Type.Object({ id: Type.Integer(), name: Type.String() }),
              user: Type.Object({
                id: Uuid,
                email: Type.String(),
                name: Nullable(Type.String()),
                role: Type.String(),
                agent_id: Nullable({
                  ...Uuid,
                  description:
                    'The agent this user is (see /v1/agents); when the agent has no name there, the user’s name is ' +
                    'its name. Null for a user who is no agent.',
                }),
              }),
              api_key: Nullable(Type.Object({ id: Type.Integer(), scopes: Type.Array(ScopeSchema) })),
            }),
          }),
          ...errorResponses(),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const [organization, user] = await Promise.all([
        accounts.findOrganization(principal.orgId),
        accounts.findUser(principal.userId),
      ]);
      return {
        data: {
          organization: { id: organization!.id, name: organization!.name },
          user: { ...user!, agent_id: user!.agent_id ?? null },
          api_key: principal.keyId === null ? null : { id: principal.keyId, scopes: principal.scopes },
        },
      };
    },
  );

  app.get(
    '/v1/api-keys',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: "List the organization's API keys",
        description: 'The keys themselves are shown once, when made, and never again.',
        response: { 200: Type.Object({ data: Type.Array(ApiKey) }), ...errorResponses() },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return { data: await accounts.listApiKeys(principal.orgId) };
    },
  );

  app.post(
    '/v1/api-keys',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Create an API key',
        description:
          "Issues a key to `user_id` (default: the caller); the key acts with that user's role. The key is in this " +
          'answer only.',
        body: Type.Object(
          {
            scopes: Type.Array(ScopeSchema, { minItems: 1, uniqueItems: true }),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            user_id: Type.Optional(Uuid),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ data: Type.Object({ ...ApiKey.properties, api_key: Type.String() }) }),
          ...errorResponses('user_not_found'),
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const data = await accounts.createApiKey(
        {
          orgId: principal.orgId,
          userId: request.body.user_id ?? principal.userId,
          scopes: request.body.scopes,
          name: request.body.name,
        },
        principal,
      );
      return reply.status(201).send({ data });
    },
  );

  app.delete(
    '/v1/api-keys/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Revoke an API key',
        description: 'A revoked key answers 401 from then on. Revoking twice changes nothing.',
        params: Type.Object({ id: IntegerId }),
        response: { 200: Type.Object({ data: ApiKey }), ...errorResponses('api_key_not_found') },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return { data: await accounts.revokeApiKey(request.params.id, principal.orgId, principal) };
    },
  );
};
