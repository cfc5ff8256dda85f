import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses, IdOrUid, NextCursor } from '../../http/schemas.js';
import {
  Conversation,
  ConversationInput,
  ConversationPatch,
  ConversationWithMessages,
  ImportInput,
  ImportResult,
  ListQuery,
  Message,
  MessageInput,
} from './conversations.schemas.js';
import type { ConversationsService } from './conversations.service.js';

const tags = ['Conversations'];
const IdParams = Type.Object({ id: IdOrUid });
const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

/** The native conversations API under /v1. */
export const conversationsRoutes: FastifyPluginAsyncTypebox<{ conversations: ConversationsService }> = async (
  app,
  { conversations },
) => {
  app.post(
    '/v1/conversations',
    {
      schema: {
        tags,
        summary: 'Create a conversation',
        description: 'Creates a conversation, optionally with its first messages. Needs `write_all`.',
        body: ConversationInput,
        response: { 201: Type.Object({ data: ConversationWithMessages }), ...errorResponses('conversation_exists') },
      },
    },
    async (request, reply) => {
      const data = await conversations.createConversation(principalOf(request).orgId, request.body);
      return reply.status(201).send({ data });
    },
  );

  app.post(
    '/v1/conversations/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import conversations',
        description:
          'Creates up to 5,000 conversations with their messages in one transaction. Idempotent by `external_id`: a ' +
          'conversation whose `external_id` exists already is left as it is and reported with `created: false`.',
        body: ImportInput,
        response: { 200: Type.Object({ data: ImportResult }), ...errorResponses() },
      },
    },
    async (request) => ({ data: await conversations.importConversations(principalOf(request).orgId, request.body) }),
  );

  app.get(
    '/v1/conversations',
    {
      schema: {
        tags,
        summary: 'List conversations',
        description: 'Newest first. Filters combine with AND; `created_to` is exclusive.',
        querystring: ListQuery,
        response: {
          200: Type.Object({ data: Type.Array(Conversation), next_cursor: NextCursor }),
          ...errorResponses(),
        },
      },
    },
    async (request) => conversations.listConversations(principalOf(request).orgId, request.query),
  );

  app.get(
    '/v1/conversations/:id',
    {
      schema: {
        tags,
        summary: 'Get a conversation',
        params: IdParams,
        response: { 200: Type.Object({ data: Conversation }), ...errorResponses('conversation_not_found') },
      },
    },
    async (request) => ({ data: await conversations.getConversation(principalOf(request).orgId, request.params.id) }),
  );

  app.patch(
    '/v1/conversations/:id',
    {
      schema: {
        tags,
        summary: 'Update a conversation',
        description:
          'Changes status, agent, channel, language or metadata. Closing sets `closed_at`; reopening clears it.',
        params: IdParams,
        body: ConversationPatch,
        response: { 200: Type.Object({ data: Conversation }), ...errorResponses('conversation_not_found') },
      },
    },
    async (request) => ({
      data: await conversations.updateConversation(principalOf(request).orgId, request.params.id, request.body),
    }),
  );

  app.post(
    '/v1/conversations/:id/messages',
    {
      schema: {
        tags,
        summary: 'Add a message',
        params: IdParams,
        body: MessageInput,
        response: {
          201: Type.Object({ data: Message }),
          ...errorResponses('conversation_not_found', 'conversation_anonymized'),
        },
      },
    },
    async (request, reply) => {
      const data = await conversations.addMessage(principalOf(request).orgId, request.params.id, request.body);
      return reply.status(201).send({ data });
    },
  );

  app.post(
    '/v1/conversations/:id/anonymize',
    {
      schema: {
        tags,
        summary: 'Anonymize a conversation',
        description:
          'Removes the message texts and the contact data (name, email, metadata; the contact id is replaced) for ' +
          'good, and keeps the numbers so that statistics survive. Irreversible; recorded in the audit log. ' +
          'Anonymizing twice changes nothing.',
        params: IdParams,
        response: { 200: Type.Object({ data: Conversation }), ...errorResponses('conversation_not_found') },
      },
    },
    async (request) => {
      const data = await conversations.anonymizeConversation(principalOf(request), request.params.id);
      request.log.warn({ conversation: data.id, user: principalOf(request).userId }, 'conversation anonymized');
      return { data };
    },
  );
};
