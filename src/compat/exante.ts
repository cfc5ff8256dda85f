import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../http/auth.js';
import { useSurface } from '../http/errors.js';
import { DateTime, errorResponsesIn, Nullable, Uuid } from '../http/schemas.js';
import { MAX_FEEDBACK_COMMENT_LENGTH } from '../modules/feedback/index.js';
import type { Services } from '../services.js';

const tags = ['Exante compatible'];
const PREFIX = '/api/agents/chat/:conversationUid';

/** Exante's error body. */
export const ExanteError = Type.Object(
  { status: Type.Literal('error'), message: Type.String({ description: 'What went wrong, in a sentence.' }) },
  { title: 'ExanteError' },
);

const errors = errorResponsesIn(ExanteError, 'conversation_not_found', 'message_not_found', 'conversation_anonymized');

const Rating = Type.Union([Type.Literal('like'), Type.Literal('dislike')]);

// Plain strings, not `format: uuid`: Exante answers 404 for a path value that names nothing, UUID or not, and the
// service's lookups treat a malformed UUID as one that does not exist.
const ConversationParams = Type.Object({
  conversationUid: Type.String({ description: 'UUID of the conversation.' }),
});
const MessageParams = Type.Object({
  conversationUid: Type.String({ description: 'UUID of the conversation the message belongs to.' }),
  messageUid: Type.String({ description: 'UUID of the message to leave feedback on.' }),
});

// No additionalProperties: false: Exante clients may send fields Plaudit does not know; they are ignored.
const FeedbackInput = Type.Object(
  {
    rating: Type.Optional(
      Type.Union([Rating, Type.Null()], {
        description: 'like, dislike, or null to clear it. Omit the key to keep the current rating.',
      }),
    ),
    comment: Type.Optional(
      Type.Union([Type.String({ maxLength: MAX_FEEDBACK_COMMENT_LENGTH }), Type.Null()], {
        description: 'Free text. Omit the key to keep the current comment; null clears it.',
      }),
    ),
  },
  { title: 'ExanteFeedbackInput' },
);

const SavedFeedback = Type.Object(
  {
    uid: Uuid,
    message_uid: Uuid,
    rating: Nullable(Rating),
    comment: Nullable(Type.String()),
    created_at: DateTime,
  },
  { title: 'ExanteFeedback' },
);

const MessageFeedback = Type.Object({
  uid: Uuid,
  rating: Nullable(Rating),
  comment: Nullable(Type.String()),
  created_at: DateTime,
});

const ChatMessage = Type.Object(
  {
    uid: Uuid,
    role: Type.String({ description: 'user, agent, ai or system.' }),
    text: Nullable(Type.String({ description: 'Null once the conversation is anonymized.' })),
    created_at: DateTime,
    feedback: Type.Union([MessageFeedback, Type.Null()], {
      description: "The caller's latest feedback on the message, or null.",
    }),
  },
  { title: 'ExanteChatMessage' },
);

/** The Exante compatible surface (agent chat message feedback): an adapter over the native feedback service. */
export const exanteRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  useSurface(app, 'exante');
  const { feedback } = services;

  app.post(
    `${PREFIX}/messages/:messageUid/feedback`,
    {
      schema: {
        tags,
        summary: 'Submit message feedback (Exante)',
        description:
          'Appends a feedback record by the user the API key was issued to. An omitted key keeps the current value, ' +
          'null clears it; both null or both omitted is a no-op answered 204 with no body.',
        params: MessageParams,
        body: FeedbackInput,
        response: {
          200: Type.Object({ status: Type.Literal('success'), data: SavedFeedback }, { title: 'ExanteFeedbackOutput' }),
          204: Type.Null({ description: 'A no-op: nothing was stored.' }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { conversationUid, messageUid } = request.params;
      const target = await feedback.conversationMessageTarget(principal.orgId, conversationUid, messageUid);
      // Only the two fields, each exactly as sent: undefined (omitted) and null (clear) mean different things.
      const { rating, comment } = request.body;
      const record = await feedback.recordMessageFeedback(target, principal.userId, { rating, comment });
      if (!record) return reply.status(204).send(null);
      return {
        status: 'success' as const,
        data: {
          uid: record.uid,
          message_uid: record.message_uid,
          rating: record.rating,
          comment: record.comment,
          created_at: record.created_at,
        },
      };
    },
  );

  app.get(
    `${PREFIX}/messages`,
    {
      schema: {
        tags,
        summary: 'List the messages of an agent chat (Exante)',
        description: "Every message of the conversation in order, each with the caller's latest feedback.",
        params: ConversationParams,
        response: {
          200: Type.Object(
            { status: Type.Literal('success'), data: Type.Array(ChatMessage) },
            { title: 'ExanteMessagesOutput' },
          ),
          ...errors,
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { conversationUid } = request.params;
      await feedback.conversationTarget(principal.orgId, conversationUid);
      const messages = await feedback.messagesWithFeedback(principal.orgId, conversationUid, principal.userId);
      return {
        status: 'success' as const,
        data: messages.map((message) => ({
          uid: message.uid,
          role: message.role,
          text: message.text,
          created_at: message.created_at,
          feedback: message.my_feedback,
        })),
      };
    },
  );
};
