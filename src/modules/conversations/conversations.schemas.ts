import { Type, type Static } from 'typebox';
import { DateTime, Nullable, PageQuery, Uuid } from '../../http/schemas.js';
import { Tags, VersionFields } from './versions.js';

export const Role = Type.Union(
  [Type.Literal('user'), Type.Literal('agent'), Type.Literal('ai'), Type.Literal('system')],
  {
    description: '`user` is the contact; `agent` a human agent; `ai` an AI agent; `system` an automated notice.',
  },
);
export const Status = Type.Union([Type.Literal('open'), Type.Literal('closed')]);
export const AgentType = Type.Union([Type.Literal('human'), Type.Literal('ai')]);

const Channel = Type.String({ minLength: 1, maxLength: 64, examples: ['widget_chat', 'email', 'whatsapp', 'phone'] });
const Language = Type.String({
  pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$',
  description: 'A BCP 47 tag, e.g. `en` or `pt-BR`.',
});
const Metadata = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), {
  maxProperties: 50,
  description:
    'Free-form attributes of the conversation: at most 50 keys, 16 KiB as JSON, and objects and arrays nested at most ' +
    '10 levels deep (the metadata object is the first).',
});
const ExternalId = Type.String({ minLength: 1, maxLength: 200, description: "The conversation's id in your system." });

export const MessageInput = Type.Object(
  {
    role: Role,
    text: Type.String({ maxLength: 65_536 }),
    created_at: Type.Optional(DateTime),
    author_id: Type.Optional(Uuid),
    ...VersionFields,
  },
  { additionalProperties: false },
);
export type MessageInput = Static<typeof MessageInput>;

const conversationFields = {
  external_id: Type.Optional(ExternalId),
  channel: Type.Optional(Channel),
  status: Type.Optional(Status),
  contact_id: Type.Optional(Type.String({ format: 'uuid', description: 'The end user; generated when absent.' })),
  contact_name: Type.Optional(Type.String({ maxLength: 200 })),
  contact_email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  agent_id: Type.Optional(Uuid),
  agent_type: Type.Optional(AgentType),
  language: Type.Optional(Language),
  metadata: Type.Optional(Metadata),
  tags: Type.Optional({
    ...Tags,
    description: 'At most 20 short labels; every message of the conversation carries them too.',
  }),
  created_at: Type.Optional(DateTime),
  messages: Type.Optional(Type.Array(MessageInput, { maxItems: 1000 })),
};

export const ConversationInput = Type.Object(conversationFields, { additionalProperties: false });
export type ConversationInput = Static<typeof ConversationInput>;

export const ImportInput = Type.Object(
  {
    conversations: Type.Array(
      Type.Object({ ...conversationFields, external_id: ExternalId }, { additionalProperties: false }),
      { minItems: 1, maxItems: 5000 },
    ),
  },
  { additionalProperties: false },
);
export type ImportInput = Static<typeof ImportInput>;

export const ConversationPatch = Type.Object(
  {
    status: Type.Optional(Status),
    agent_id: Type.Optional(Nullable(Uuid)),
    agent_type: Type.Optional(Nullable(AgentType)),
    channel: Type.Optional(Channel),
    language: Type.Optional(Nullable(Language)),
    metadata: Type.Optional(Metadata),
    tags: Type.Optional({ ...Tags, description: "Replaces the conversation's own tags." }),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ConversationPatch = Static<typeof ConversationPatch>;

export const Message = Type.Object({
  uid: Uuid,
  conversation_id: Type.Integer(),
  role: Role,
  text: Nullable(Type.String({ description: 'Null once the conversation is anonymized.' })),
  author_id: Nullable(Uuid),
  model: Nullable(Type.String()),
  prompt_version: Nullable(Type.String()),
  trace_id: Nullable(Type.String()),
  span_id: Nullable(Type.String()),
  tags: Type.Array(Type.String(), {
    description: "The message's own tags (the conversation's are on the conversation).",
  }),
  created_at: DateTime,
});
export type Message = Static<typeof Message>;

export const Conversation = Type.Object({
  id: Type.Integer(),
  uid: Uuid,
  external_id: Nullable(Type.String()),
  channel: Nullable(Type.String()),
  status: Status,
  contact_id: Uuid,
  contact_name: Nullable(Type.String()),
  contact_email: Nullable(Type.String()),
  agent_id: Nullable(Uuid),
  agent_type: Nullable(AgentType),
  agent_name: Nullable(
    Type.String({ description: "The agent's name in the agents directory (or its linked user's); null if unnamed." }),
  ),
  language: Nullable(Type.String()),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  tags: Type.Array(Type.String()),
  message_count: Type.Integer(),
  created_at: DateTime,
  updated_at: DateTime,
  closed_at: Nullable(DateTime),
  anonymized_at: Nullable(DateTime),
});
export type Conversation = Static<typeof Conversation>;

export const ConversationWithMessages = Type.Object({
  ...Conversation.properties,
  messages: Type.Optional(Type.Array(Message, { description: 'The messages sent with the request, in order.' })),
});

export const ImportResult = Type.Object({
  created: Type.Integer({ description: 'Conversations created by this import.' }),
  unchanged: Type.Integer({ description: 'Conversations whose external_id existed already; left as they were.' }),
  conversations: Type.Array(
    Type.Object({
      external_id: Type.String(),
      id: Type.Integer(),
      uid: Uuid,
      created: Type.Boolean(),
    }),
  ),
});
export type ImportResult = Static<typeof ImportResult>;

const VersionValue = (description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: 200, description }));

/** The version filters lists, exports and analytics take: each a label some message or the conversation carries. */
export const VersionQuery = {
  model: VersionValue('Only conversations (or answers) written by this model.'),
  prompt_version: VersionValue('Only conversations (or answers) of this prompt version.'),
  tag: VersionValue('Only conversations (or answers) carrying this tag, on a message or on the conversation.'),
};

export const ListQuery = Type.Object(
  {
    status: Type.Optional(Status),
    channel: Type.Optional(Channel),
    agent_id: Type.Optional(Uuid),
    contact_id: Type.Optional(Uuid),
    external_id: Type.Optional(ExternalId),
    created_from: Type.Optional(DateTime),
    created_to: Type.Optional(DateTime),
    ...VersionQuery,
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ListQuery = Static<typeof ListQuery>;
