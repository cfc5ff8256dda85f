import { Type, type Static } from 'typebox';
import { DateTime, Nullable, Uuid } from '../../http/schemas.js';

export const Channel = Type.Union([Type.Literal('email'), Type.Literal('sms'), Type.Literal('whatsapp')], {
  description: 'The channel the message is for.',
});
export type Channel = Static<typeof Channel>;

export const DeliverableQuery = Type.Object({ channel: Channel }, { additionalProperties: false });

const DeliverableChoice = Type.Object({
  value: Type.String({ description: 'The answer: `4` (stars), `1`/`0` (thumbs up/down), `7` (NPS).' }),
  label: Type.String(),
  description: Nullable(Type.String({ description: 'A longer label, when there is one ("4 stars – good").' })),
  link: Type.String({ description: 'The rating page with this answer chosen: PUBLIC_URL/r/{code}?answer={value}.' }),
  reply_id: Type.String({ description: 'The WhatsApp reply id of this answer: `{question code}:{value}`.' }),
});

const WhatsAppMessage = Type.Unsafe<Record<string, unknown>>({
  type: 'object',
  additionalProperties: true,
  description:
    'The body of a WhatsApp Cloud API `POST /<PHONE_NUMBER_ID>/messages` request without `to`: `type: interactive` ' +
    'with `interactive.type` `button` (up to 3 reply buttons), `list` (up to 10 rows) or `cta_url` (a button opening ' +
    'the rating page).',
});

export const Deliverable = Type.Object({
  channel: Channel,
  rating_id: Type.Integer(),
  rating_uid: Uuid,
  language: Type.String({ description: "The rating's language: the conversation's, else the organization's default." }),
  link: Type.String({ description: 'The rating page, no answer chosen.' }),
  expires_at: Nullable(DateTime),
  question: Type.Object({
    code: Type.String(),
    kind: Type.String(),
    text: Type.String({ description: 'The question as the contact reads it.' }),
    choices: Type.Array(DeliverableChoice, { description: 'Empty for a question answered only on the page.' }),
  }),
  email: Type.Optional(
    Type.Object({
      subject: Type.String(),
      html: Type.String({ description: 'A complete HTML document with inline styles; every value escaped.' }),
      text: Type.String({ description: 'The plain-text alternative, one line per answer link.' }),
    }),
  ),
  sms: Type.Optional(
    Type.Object({
      text: Type.String(),
      encoding: Type.Union([Type.Literal('gsm7'), Type.Literal('ucs2')]),
      length: Type.Integer({
        description: 'Septets in GSM 7-bit (extension characters count 2), UTF-16 units in UCS-2.',
      }),
      single_limit: Type.Integer({ description: 'What one SMS of this encoding holds: 160 or 70.' }),
      segments: Type.Integer({ description: 'The messages the text is sent as.' }),
    }),
  ),
  whatsapp: Type.Optional(
    Type.Object({
      form: Type.Union([Type.Literal('buttons'), Type.Literal('list'), Type.Literal('link')]),
      message: WhatsAppMessage,
      replies: Type.Array(Type.Object({ reply_id: Type.String(), value: Type.String(), title: Type.String() })),
    }),
  ),
});
export type Deliverable = Static<typeof Deliverable>;

export const ReplyInput = Type.Object(
  {
    reply_id: Type.String({
      minLength: 1,
      maxLength: 256,
      description: "The id of the button or row the contact chose, from WhatsApp's webhook (`STARS:4`).",
    }),
  },
  { additionalProperties: false },
);
