import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses, Nullable } from '../../http/schemas.js';
import { LangfuseConnection, LangfuseConnectionCheck, LangfuseConnectionInput } from './langfuse.schemas.js';
import type { LangfuseService } from './langfuse.service.js';

const tags = ['Connections'];
// A connection carries credentials and sends data out of Plaudit: as for webhooks, write_all and an admin.
const config = { scope: 'write_all' as const, role: 'admin' as const };

/** The organization's Langfuse connection under /v1/connections/langfuse. */
export const langfuseRoutes: FastifyPluginAsyncTypebox<{ langfuse: LangfuseService }> = async (app, { langfuse }) => {
  app.get(
    '/v1/connections/langfuse',
    {
      config,
      schema: {
        tags,
        summary: 'Get the Langfuse connection',
        description: 'The connection with how its scores are getting on, or `null`. The keys are never returned.',
        response: { 200: Type.Object({ data: Nullable(LangfuseConnection) }), ...errorResponses() },
      },
    },
    async (request) => ({ data: await langfuse.getConnection(principalOf(request).orgId) }),
  );

  app.put(
    '/v1/connections/langfuse',
    {
      config,
      schema: {
        tags,
        summary: 'Connect Langfuse',
        description:
          'Creates or replaces the connection. From then on each message feedback and rating answer on a traced ' +
          'conversation is sent as a Langfuse score. The secret key is stored sealed with `PLAUDIT_SECRET_KEY`; ' +
          'without that setting the request is refused (`secret_key_unset`).',
        body: LangfuseConnectionInput,
        response: {
          200: Type.Object({ data: LangfuseConnection }),
          ...errorResponses('langfuse_url_refused', 'secret_key_unset'),
        },
      },
    },
    async (request) => ({
      data: await langfuse.saveConnection(principalOf(request).orgId, request.body, principalOf(request)),
    }),
  );

  app.post(
    '/v1/connections/langfuse/test',
    {
      config,
      schema: {
        tags,
        summary: 'Test the Langfuse connection',
        description:
          'Asks Langfuse, with the saved keys, which project they belong to (`GET /api/public/projects`). Writes ' +
          'nothing. A refusal by Langfuse is an answer (`ok: false` with its status and why), not an error.',
        response: {
          200: Type.Object({ data: LangfuseConnectionCheck }),
          ...errorResponses('langfuse_connection_not_found'),
        },
      },
    },
    async (request) => ({ data: await langfuse.testConnection(principalOf(request).orgId) }),
  );

  app.delete(
    '/v1/connections/langfuse',
    {
      config,
      schema: {
        tags,
        summary: 'Disconnect Langfuse',
        description: 'Deletes the connection with its scores not sent yet and its delivery log.',
        response: { 204: Type.Null(), ...errorResponses('langfuse_connection_not_found') },
      },
    },
    async (request, reply) => {
      await langfuse.deleteConnection(principalOf(request).orgId, principalOf(request));
      return reply.status(204).send(null);
    },
  );
};
