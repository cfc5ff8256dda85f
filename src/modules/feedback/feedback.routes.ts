import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { DateTime, errorResponses, IdOrUid, NextCursor, Nullable, PageQuery, Uuid } from '../../http/schemas.js';
import { Message } from '../conversations/index.js';
import { FeedbackInput, FeedbackRating } from './feedback.schemas.js';
import type { FeedbackService } from './feedback.service.js';

const tags = ['Message feedback'];

const Feedback = Type.Object({
  uid: Uuid,
  message_uid: Uuid,
  user_id: Uuid,
  rating: Nullable(FeedbackRating),
  comment: Nullable(Type.String()),
  created_at: DateTime,
});

const MessageWithFeedback = Type.Object({
  ...Message.properties,
  // An object or null as one type list, not a union: the serializer tells them apart without trying a schema on each.
  my_feedback: Nullable(
    Type.Object(
      {
        uid: Uuid,
        rating: Nullable(FeedbackRating),
        comment: Nullable(Type.String()),
        created_at: DateTime,
      },
      { description: "The caller's current feedback on the message: their latest record." },
    ),
  ),
  likes: Type.Integer({ description: 'Authors whose current feedback is a like.' }),
  dislikes: Type.Integer({ description: 'Authors whose current feedback is a dislike.' }),
  comments: Type.Integer({ description: 'Authors whose current feedback has a comment.' }),
});

/** The native message-feedback API under /v1. */
export const feedbackRoutes: FastifyPluginAsyncTypebox<{ feedback: FeedbackService }> = async (app, { feedback }) => {
  app.post(
    '/v1/messages/:uid/feedback',
    {
      schema: {
        tags,
        summary: 'Like, dislike or comment on a message',
        description:
          'Appends a record for the caller (the user the key was issued to). An omitted field keeps its current ' +
          'value, `null` clears it; both null or both omitted is a no-op answered 204. See docs for the whole matrix.',
        params: Type.Object({ uid: Uuid }),
        body: FeedbackInput,
        response: {
          200: Type.Object({ data: Feedback }),
          204: Type.Null({ description: 'A no-op: nothing was stored.' }),
          ...errorResponses('message_not_found', 'conversation_anonymized'),
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const target = await feedback.messageTarget(principal.orgId, request.params.uid);
      const record = await feedback.recordMessageFeedback(target, principal.userId, request.body);
      if (!record) return reply.status(204).send(null);
      return { data: record };
    },
  );

  app.get(
    '/v1/messages/:uid/feedback/history',
    {
      schema: {
        tags,
        summary: 'The feedback log of a message',
        description: 'Every record on the message, every author, oldest first.',
        params: Type.Object({ uid: Uuid }),
        response: {
          200: Type.Object({
            data: Type.Array(
              Type.Object({
                uid: Uuid,
                user_id: Uuid,
                author_name: Nullable(
                  Type.String({
                    description:
                      "The author's name: a user's (the name of the agent they are, else their own, else their email), or " +
                      "the contact's when the contact gave it.",
                  }),
                ),
                rating: Nullable(FeedbackRating),
                comment: Nullable(Type.String()),
                created_at: DateTime,
              }),
            ),
          }),
          ...errorResponses('message_not_found'),
        },
      },
    },
    async (request) => {
      const target = await feedback.messageTarget(principalOf(request).orgId, request.params.uid);
      return { data: await feedback.history(target) };
    },
  );

  app.get(
    '/v1/conversations/:id/messages',
    {
      schema: {
        tags: ['Conversations'],
        summary: 'List the messages of a conversation',
        description:
          "In conversation order (by `created_at`, then arrival), each with the caller's current feedback and the " +
          'totals over every author.',
        params: Type.Object({ id: IdOrUid }),
        response: {
          200: Type.Object({ data: Type.Array(MessageWithFeedback) }),
          ...errorResponses('conversation_not_found'),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return { data: await feedback.messagesWithFeedback(principal.orgId, request.params.id, principal.userId) };
    },
  );

  app.get(
    '/v1/feedback',
    {
      schema: {
        tags,
        summary: 'Recent feedback across the organization',
        description: 'Every record, newest first, with its message and conversation. `created_to` is exclusive.',
        querystring: Type.Object(
          {
            rating: Type.Optional(Type.Union([Type.Literal('like'), Type.Literal('dislike'), Type.Literal('none')])),
            has_comment: Type.Optional(Type.Boolean()),
            agent_type: Type.Optional(Type.Union([Type.Literal('human'), Type.Literal('ai')])),
            created_from: Type.Optional(DateTime),
            created_to: Type.Optional(DateTime),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            data: Type.Array(
              Type.Object({
                uid: Uuid,
                message_uid: Uuid,
                conversation_id: Type.Integer(),
                conversation_uid: Uuid,
                user_id: Uuid,
                author_name: Nullable(
                  Type.String({
                    description:
                      "The author's name: a user's (the name of the agent they are, else their own, else their email), or " +
                      "the contact's when the contact gave it.",
                  }),
                ),
                rating: Nullable(FeedbackRating),
                comment: Nullable(Type.String()),
                created_at: DateTime,
                message: Type.Object({ role: Type.String(), text: Nullable(Type.String()) }),
                agent_id: Nullable(Uuid),
                agent_type: Nullable(Type.String()),
                agent_name: Nullable(Type.String({ description: "The conversation's agent's name; null if unnamed." })),
                channel: Nullable(Type.String()),
              }),
            ),
            next_cursor: NextCursor,
          }),
          ...errorResponses(),
        },
      },
    },
    async (request) => feedback.listFeedback(principalOf(request).orgId, request.query),
  );
};
