import { Type } from 'typebox';
import { DateTime, INTEGER_ID_PATTERN, Nullable, PatternString, Uuid } from '../../http/schemas.js';
import { WEBHOOK_EVENT_TYPES } from './events.js';

export const EventType = Type.Union([
  Type.Literal('rating.offered'),
  Type.Literal('rating.submitted'),
  Type.Literal('rating.cancelled'),
  Type.Literal('rating.expired'),
  Type.Literal('rating.reminder_due'),
  Type.Literal('feedback.created'),
  Type.Literal('conversation.anonymized'),
  Type.Literal('review.updated'),
]);

/** What a delivery carries: a subscribed event type, or `ping`, the test event. */
export const DeliveryEventType = Type.Union([...EventType.anyOf, Type.Literal('ping')], {
  description: 'The event type, or `ping`: the test event sent by `POST /v1/webhooks/{id}/ping`.',
});

export const Filters = Type.Object(
  {
    rating: Type.Optional(
      Type.Object(
        {
          max_stars: Type.Optional(
            Type.Integer({
              minimum: 1,
              maximum: 5,
              description: 'Bounds stars questions (CSAT, STARS) and csat ones.',
            }),
          ),
          max_nps: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
          max_ces: Type.Optional(
            Type.Integer({ minimum: 1, maximum: 7, description: 'Bounds ces questions: 1 is "very difficult".' }),
          ),
          thumbs: Type.Optional(Type.Union([Type.Literal('up'), Type.Literal('down')])),
        },
        {
          additionalProperties: false,
          description:
            '`rating.submitted` only: a question kind with a bound passes answers at or below it (thumbs: that ' +
            'answer only); kinds without a bound, and choice and text answers, pass every answer.',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

/**
 * The data of a `rating.submitted` event: one answered question. `value` is the number of a scale or thumbs answer;
 * what a choice, text or follow-up answer holds comes beside it, null where the answer holds none.
 */
export const RatingSubmittedData = Type.Object(
  {
    rating_id: Type.Integer(),
    rating_uid: Uuid,
    conversation_id: Type.Integer(),
    conversation_uid: Uuid,
    agent_id: Nullable(Type.String()),
    agent_type: Nullable(Type.String()),
    agent_name: Nullable(Type.String()),
    channel: Nullable(Type.String()),
    source: Type.String(),
    question_code: Type.String(),
    kind: Type.String({ description: 'stars, csat, nps, ces, thumbs, choice or text.' }),
    value: Nullable(
      Type.Integer({ description: 'The scale or thumbs answer (1 up, 0 down); null for choice and text.' }),
    ),
    comment: Nullable(Type.String()),
    choices: Nullable(Type.Array(Type.String(), { description: 'A choice question: the option ids chosen.' })),
    choice_labels: Nullable(
      Type.Array(Type.String(), { description: "The options' labels in the rating's language, in the same order." }),
    ),
    reasons: Nullable(
      Type.Array(Type.String(), { description: 'The follow-up reason ids chosen after a low answer.' }),
    ),
    reason_labels: Nullable(
      Type.Array(Type.String(), { description: "The reasons' labels in the rating's language, in the same order." }),
    ),
    text: Nullable(Type.String({ description: "A text question's answer." })),
    answered_at: DateTime,
  },
  { additionalProperties: false },
);

const Url = Type.String({ minLength: 1, maxLength: 2000, description: 'An http:// or https:// URL.' });

export const WebhookInput = Type.Object(
  {
    url: Url,
    event_types: Type.Array(EventType, { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true }),
    filters: Type.Optional(Filters),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const WebhookPatch = Type.Object(
  {
    url: Type.Optional(Url),
    event_types: Type.Optional(
      Type.Array(EventType, { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true }),
    ),
    filters: Type.Optional(Filters),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const Webhook = Type.Object({
  id: Type.Integer(),
  uid: Uuid,
  url: Type.String(),
  event_types: Type.Array(EventType),
  filters: Filters,
  enabled: Type.Boolean(),
  created_at: DateTime,
  updated_at: DateTime,
});

export const WebhookWithSecret = Type.Object({
  ...Webhook.properties,
  secret: Type.String({
    pattern: '^whsec_[A-Za-z0-9+/]+=*$',
    description: 'The signing secret (Standard Webhooks). Shown on creation and rotation only.',
  }),
});

export const DeliveryStatus = Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed')]);

export const Delivery = Type.Object({
  id: Type.Integer(),
  webhook_id: Type.String({ description: 'The `webhook-id` header, the same on every attempt.' }),
  event_type: DeliveryEventType,
  status: DeliveryStatus,
  attempt_count: Type.Integer(),
  next_attempt_at: Nullable(DateTime),
  last_status_code: Nullable(Type.Integer()),
  last_error: Nullable(Type.String()),
  created_at: DateTime,
  completed_at: Nullable(DateTime),
  payload: Type.Object(
    { type: DeliveryEventType, timestamp: DateTime, data: Type.Record(Type.String(), Type.Unknown()) },
    { description: 'The body sent, `{"type","timestamp","data"}`.' },
  ),
  attempts: Type.Array(
    Type.Object({
      attempted_at: DateTime,
      status_code: Nullable(Type.Integer({ description: 'Null when no answer came (timeout, connection error).' })),
      duration_ms: Type.Integer(),
      error: Nullable(Type.String()),
    }),
  ),
});

export const DeliveryId = PatternString(
  `^(?:${INTEGER_ID_PATTERN}|msg_[A-Za-z0-9]{1,40})$`,
  'a delivery id (an integer) or its webhook-id (msg_…)',
  { description: 'The delivery id or its `webhook-id`.' },
);
