import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses, Uuid } from '../../http/schemas.js';
import { Agent, AgentInput, AgentListQuery, AgentPage } from './agents.schemas.js';
import type { AgentsService } from './agents.service.js';

const tags = ['Agents'];
const params = Type.Object({ agent_id: { ...Uuid, description: "The agent's UUID, as conversations name it." } });

/** The agents directory under /v1: who the agents conversations name are. */
export const agentsRoutes: FastifyPluginAsyncTypebox<{ agents: AgentsService }> = async (app, { agents }) => {
  app.get(
    '/v1/agents',
    {
      schema: {
        tags,
        summary: 'List the agents',
        description:
          'Every agent the organization named, newest first: put in with PUT, or named by a conversation (then ' +
          'without a name until someone gives it one). `q` finds part of the name or the email.',
        querystring: AgentListQuery,
        response: { 200: AgentPage, ...errorResponses() },
      },
    },
    async (request) => agents.listAgents(principalOf(request).orgId, request.query),
  );

  app.get(
    '/v1/agents/:agent_id',
    {
      schema: {
        tags,
        summary: 'Get an agent',
        params,
        response: { 200: Type.Object({ data: Agent }), ...errorResponses('agent_not_found') },
      },
    },
    async (request) => ({ data: await agents.getAgent(principalOf(request).orgId, request.params.agent_id) }),
  );

  app.put(
    '/v1/agents/:agent_id',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Say who an agent is',
        description:
          'Creates the agent (201) or replaces what the directory says about it (200): an omitted field is cleared. ' +
          '`model` and `description` are for AI agents only. With `name` null, the name of the dashboard user ' +
          'linked to the agent stands in. Admins only.',
        params,
        body: AgentInput,
        response: {
          200: Type.Object({ data: Agent }),
          201: Type.Object({ data: Agent }),
          ...errorResponses(),
        },
      },
    },
    async (request, reply) => {
      const { agent, created } = await agents.putAgent(
        principalOf(request).orgId,
        request.params.agent_id,
        request.body,
      );
      return reply.status(created ? 201 : 200).send({ data: agent });
    },
  );
};
