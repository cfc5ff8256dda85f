import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import { AppError, isAppError } from '../errors.js';
import { principalOf } from '../http/auth.js';
import { useSurface } from '../http/errors.js';
import { errorResponsesIn, IdOrUid, Uuid } from '../http/schemas.js';
import {
  isValidValue,
  valueRange,
  type AnyQuestionKind,
  type QuestionCode,
  type QuestionKind,
} from '../modules/rating-config/index.js';
import { MAX_COMMENT_LENGTH, type Rating, type RatingQuestion } from '../modules/ratings/index.js';
import type { Services } from '../services.js';

const tags = ['Dixa compatible'];
const PREFIX = '/beta/conversations/:conversationId';

/** Dixa's error body (its BadRequest, NotFound and ServerError are all this shape). */
export const DixaError = Type.Object({ message: Type.String() }, { title: 'DixaError' });

const ratingTypes = ['Csat', 'Nps', 'ThumbsUpOrDown'] as const;
export type DixaRatingType = (typeof ratingTypes)[number];

const RatingType = Type.Enum(ratingTypes, {
  description: 'Csat takes 1-5, Nps 0-10, ThumbsUpOrDown 0 (down) or 1 (up).',
});

/** The question a Dixa offer asks, and the kind of question a Dixa result answers. */
const questionOf: Record<DixaRatingType, { code: QuestionCode; kind: QuestionKind }> = {
  Csat: { code: 'CSAT', kind: 'stars' },
  Nps: { code: 'NPS', kind: 'nps' },
  ThumbsUpOrDown: { code: 'EXPERIENCE_THUMBS', kind: 'thumbs' },
};

/**
 * Dixa's rating type of each kind it knows. An organization's own questions of other kinds (CSAT with labels, CES,
 * choice, text) have none: Dixa's lists leave them out, so that what Dixa reads keeps its three types.
 */
const ratingTypeOf: Partial<Record<AnyQuestionKind, DixaRatingType>> = {
  stars: 'Csat',
  nps: 'Nps',
  thumbs: 'ThumbsUpOrDown',
};

export const dixaChannels = [
  'WhatsApp',
  'Voicemail',
  'WidgetChat',
  'FacebookMessenger',
  'Twitter',
  'Email',
  'ContactForm',
  'Callback',
  'PstnPhone',
  'Sms',
  'Messenger',
] as const;
export type DixaChannel = (typeof dixaChannels)[number];

// Keys are lower case with everything but letters and digits removed, so `Widget-Chat` and `widget_chat` agree.
const channelAliases: Record<string, DixaChannel> = {
  ...Object.fromEntries(dixaChannels.map((channel) => [channel.toLowerCase(), channel])),
  web: 'WidgetChat',
  chat: 'WidgetChat',
  webchat: 'WidgetChat',
  widget: 'WidgetChat',
  livechat: 'WidgetChat',
  mail: 'Email',
  phone: 'PstnPhone',
  voice: 'PstnPhone',
  pstn: 'PstnPhone',
  call: 'PstnPhone',
  text: 'Sms',
  facebook: 'FacebookMessenger',
  x: 'Twitter',
  form: 'ContactForm',
};

/** Dixa's channel for Plaudit's free-form one; unknown and missing channels are the chat widget. */
export function dixaChannel(channel: string | null | undefined): DixaChannel {
  const key = (channel ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  return Object.hasOwn(channelAliases, key) ? channelAliases[key]! : 'WidgetChat';
}

/** A stored timestamp the way Dixa writes them: UTC to the second, `2024-03-11T16:39:30Z`. */
export function dixaTimestamp(stored: string): string {
  return new Date(stored).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Dixa's backend (Scala) reads a null optional field as an absent one; Plaudit does the same. One type list instead of
 * a `string | null` union, so that a refusal names the constraint that failed ("must be a valid uuid").
 */
function optionalOrNull(schema: TSchema & { type?: unknown }) {
  return Type.Optional(Type.Unsafe<string | null>({ ...schema, type: ['string', 'null'] }));
}

const DateTime = Type.String({ format: 'date-time', examples: ['2024-03-11T16:39:30Z'] });

const ConversationParams = Type.Object({ conversationId: IdOrUid });
const SubmitParams = Type.Object({
  conversationId: IdOrUid,
  ratingId: Type.String({ format: 'uuid', description: 'The `id` answered by the offer.' }),
});

const pathParameters: Record<string, string> = {
  conversationId: "the conversation's integer id (or its UUID)",
  ratingId: 'the id of a rating offer (a UUID)',
};

/**
 * Says what a path parameter must be instead of quoting its pattern; every other refusal keeps the standard sentence
 * (a plain Error here is described by the error handler from the validation errors).
 */
function schemaError(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const name = errors[0]?.instancePath.slice(1) ?? '';
  if (dataVar === 'params' && Object.hasOwn(pathParameters, name)) {
    return new AppError('validation_failed', `path.${name} must be ${pathParameters[name]}.`);
  }
  return new Error('validation failed');
}

// No additionalProperties: false on the bodies: Dixa clients may send fields Plaudit does not know.
const OfferInput = Type.Object(
  {
    userId: optionalOrNull(Type.String({ format: 'uuid', description: "Default: the conversation's contact." })),
    agentId: optionalOrNull(
      Type.String({
        format: 'uuid',
        description: "Default: the conversation's agent, else the author of its latest agent message.",
      }),
    ),
    ratingType: RatingType,
    offeredAt: optionalOrNull(DateTime),
  },
  { title: 'CreateRatingOfferInput' },
);

const RatingOffer = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'The survey; pass it as ratingId to submit a result.' }),
    userId: Uuid,
    agentId: Type.Optional(Type.String({ format: 'uuid', description: 'Absent only when the survey has no agent.' })),
    ratingType: RatingType,
    offeredAt: DateTime,
  },
  { title: 'RatingOffer' },
);

const SubmittedRatingResult = Type.Object(
  {
    value: Type.Integer({ description: 'Csat 1-5, Nps 0-10, ThumbsUpOrDown 0 (down) or 1 (up).' }),
    _type: RatingType,
  },
  { title: 'SubmittedRatingResult' },
);

const ResultInput = Type.Object(
  {
    userId: optionalOrNull(Type.String({ description: 'Deprecated and ignored.', deprecated: true })),
    ratingResult: SubmittedRatingResult,
    comment: optionalOrNull(Type.String({ maxLength: MAX_COMMENT_LENGTH })),
    submittedAt: optionalOrNull(DateTime),
  },
  { title: 'CreateRatingResultInput' },
);
type ResultInput = Static<typeof ResultInput>;

const RatingResult = Type.Object(
  {
    ratingId: Uuid,
    userId: Uuid,
    ratingResult: SubmittedRatingResult,
    comment: Type.Optional(Type.String()),
    submittedAt: DateTime,
  },
  { title: 'RatingResult' },
);

const ConversationRating = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'The survey; every question of one survey has the same id.' }),
    ratingScore: Type.Optional(Type.Integer({ description: 'Only once answered.' })),
    ratingType: RatingType,
    ratingComment: Type.Optional(Type.String()),
    conversationChannel: Type.Enum(dixaChannels),
    agentId: Type.Optional(Uuid),
    userId: Uuid,
    ratingStatus: Type.Union([Type.Literal('Offered'), Type.Literal('Rated'), Type.Literal('Cancelled')]),
    language: Type.Optional(Type.String()),
    timestamps: Type.Record(Type.String(), Type.String(), {
      description: 'created_at, offered_at, modified_at, and rated_at once answered.',
    }),
  },
  { title: 'ConversationRating' },
);
type ConversationRating = Static<typeof ConversationRating>;

const ListOutput = Type.Object({ data: Type.Array(ConversationRating) }, { title: 'ListConversationRatingsOutput' });

/** Checks a result's value against its type before anything is looked up, and says so in Dixa's words. */
function checkResultValue({ value, _type: type }: ResultInput['ratingResult']): void {
  const kind = questionOf[type].kind;
  if (!isValidValue(kind, value)) {
    const { min, max } = valueRange[kind];
    const accepted = kind === 'thumbs' ? '0 (thumbs down) or 1 (thumbs up)' : `a whole number from ${min} to ${max}`;
    throw new AppError(
      'invalid_rating_value',
      `body.ratingResult.value of a ${type} rating must be ${accepted}; got ${value}.`,
    );
  }
}

/**
 * Dixa has no word for an expired survey: its questions still waiting for an answer can no longer be answered, the
 * nearest of Dixa's statuses is Cancelled.
 */
function ratingStatus(rating: Rating, question: RatingQuestion): ConversationRating['ratingStatus'] {
  return question.status === 'Offered' && rating.status === 'expired' ? 'Cancelled' : question.status;
}

/** One element per question of the survey, as Dixa lists multi-question surveys. */
function dixaRatingsOf(rating: Rating): ConversationRating[] {
  const conversationChannel = dixaChannel(rating.channel);
  return rating.questions.flatMap((question) => {
    const ratingType = ratingTypeOf[question.kind];
    if (!ratingType) return [];
    const rated = question.status === 'Rated' && question.value !== null;
    return {
      id: rating.uid,
      ...(rated ? { ratingScore: question.value! } : {}),
      ratingType,
      ...(question.comment ? { ratingComment: question.comment } : {}),
      conversationChannel,
      ...(rating.agent_id ? { agentId: rating.agent_id } : {}),
      userId: rating.contact_id,
      ratingStatus: ratingStatus(rating, question),
      ...(rating.language ? { language: rating.language } : {}),
      timestamps: {
        created_at: dixaTimestamp(rating.created_at),
        offered_at: dixaTimestamp(question.offered_at),
        modified_at: dixaTimestamp(question.updated_at),
        ...(rated && question.answered_at ? { rated_at: dixaTimestamp(question.answered_at) } : {}),
      },
    };
  });
}

/** The Dixa compatible surface: an adapter over the same services as the native API. */
export const dixaRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  useSurface(app, 'dixa');
  app.setSchemaErrorFormatter(schemaError);
  const { ratings } = services;

  app.post(
    `${PREFIX}/ratings/offer`,
    {
      schema: {
        tags,
        summary: 'Create conversation rating offer',
        description:
          "Offers one question on the conversation's open survey: a type already waiting for an answer there is " +
          'answered as it is; another type joins that survey (same `id`); with no open survey a new one begins.',
        params: ConversationParams,
        body: OfferInput,
        response: {
          201: Type.Object({ data: RatingOffer }, { title: 'CreateRatingOfferOutput' }),
          ...errorResponsesIn(DixaError, 'conversation_not_found', 'rating_not_found'),
        },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const { rating, question } = await ratings.offerQuestion(
        principalOf(request).orgId,
        request.params.conversationId,
        {
          code: questionOf[body.ratingType].code,
          contactId: body.userId ?? undefined,
          agentId: body.agentId ?? undefined,
          offeredAt: body.offeredAt ?? undefined,
        },
      );
      return reply.status(201).send({
        data: {
          id: rating.uid,
          userId: rating.contact_id,
          ...(rating.agent_id ? { agentId: rating.agent_id } : {}),
          ratingType: ratingTypeOf[question.kind]!,
          offeredAt: dixaTimestamp(question.offered_at),
        },
      });
    },
  );

  app.post(
    `${PREFIX}/ratings/:ratingId/submit`,
    {
      schema: {
        tags,
        summary: 'Create conversation rating result',
        description:
          "Answers the survey's question of the result's type (`ratingId` is the offer's `id`); an answered question " +
          'may be answered again. Csat takes 1-5, Nps 0-10, ThumbsUpOrDown 0 or 1. `userId` is ignored.',
        params: SubmitParams,
        body: ResultInput,
        response: {
          201: Type.Object({ data: RatingResult }, { title: 'CreateRatingResultOutput' }),
          ...errorResponsesIn(
            DixaError,
            'conversation_not_found',
            'rating_not_found',
            'rating_cancelled',
            'rating_expired',
          ),
        },
      },
    },
    async (request, reply) => {
      const { body, params } = request;
      const type = body.ratingResult._type;
      checkResultValue(body.ratingResult);
      const { rating, question } = await ratings
        .submitResult(principalOf(request).orgId, params.conversationId, params.ratingId, {
          kind: questionOf[type].kind,
          value: body.ratingResult.value,
          comment: body.comment ?? undefined,
          submittedAt: body.submittedAt ?? undefined,
        })
        .catch((error: unknown) => {
          // The service names the kind of question (stars, nps, thumbs); say it with Dixa's rating type.
          if (isAppError(error) && error.code === 'question_not_offered') {
            throw new AppError('question_not_offered', `Rating ${params.ratingId} offered no ${type} question.`);
          }
          throw error;
        });
      return reply.status(201).send({
        data: {
          ratingId: rating.uid,
          userId: rating.contact_id,
          ratingResult: { value: question.value!, _type: ratingTypeOf[question.kind]! },
          ...(question.comment ? { comment: question.comment } : {}),
          submittedAt: dixaTimestamp(question.answered_at!),
        },
      });
    },
  );

  const listSchema = {
    tags,
    params: ConversationParams,
    response: { 200: ListOutput, ...errorResponsesIn(DixaError, 'conversation_not_found', 'rating_not_found') },
  };
  const list = async (request: FastifyRequest<{ Params: Static<typeof ConversationParams> }>) => {
    const surveys = await ratings.conversationRatings(principalOf(request).orgId, request.params.conversationId);
    return { data: surveys.flatMap(dixaRatingsOf) };
  };

  app.get(
    `${PREFIX}/ratings`,
    {
      schema: {
        ...listSchema,
        summary: 'List ratings for a conversation',
        description:
          'One element per question of every survey of the conversation, oldest survey first; the elements of one ' +
          'survey share its `id`. A partly answered survey shows a mix of Offered and Rated.',
      },
    },
    list,
  );

  app.get(
    `${PREFIX}/rating`,
    {
      schema: {
        ...listSchema,
        summary: 'List rating',
        description: "Deprecated: use '/ratings', which answers the same.",
        deprecated: true,
      },
    },
    list,
  );
};
