import { Type, type Static } from 'typebox';
import { DateTime, NextCursor, Nullable, PageQuery, Uuid } from '../../http/schemas.js';

export const AgentType = Type.Union([Type.Literal('human'), Type.Literal('ai')]);

const Name = Type.String({ minLength: 1, maxLength: 200 });

export const Agent = Type.Object({
  agent_id: Uuid,
  type: Nullable({ ...AgentType, description: 'Null while only a conversation without `agent_type` named the agent.' }),
  name: Nullable(
    Type.String({
      description:
        "The agent's name; when the directory has none, the name of the dashboard user linked to the agent. Null " +
        'for an agent nobody named yet.',
    }),
  ),
  email: Nullable(Type.String()),
  avatar_url: Nullable(Type.String()),
  model: Nullable(Type.String({ description: 'AI agents only.' })),
  description: Nullable(Type.String({ description: 'AI agents only.' })),
  user_id: Nullable({ ...Uuid, description: 'The dashboard user who is this agent, if any.' }),
  created_at: DateTime,
  updated_at: DateTime,
});
export type Agent = Static<typeof Agent>;

export const AgentInput = Type.Object(
  {
    type: AgentType,
    name: Nullable(Name),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
    avatar_url: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 2000,
          pattern: '^https?://[^\\s]+$',
          description: 'An http(s) address of an image.',
        }),
      ),
    ),
    model: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200, description: 'AI agents only.' }))),
    description: Type.Optional(
      Nullable(Type.String({ minLength: 1, maxLength: 2000, description: 'AI agents only.' })),
    ),
  },
  { additionalProperties: false },
);
export type AgentInput = Static<typeof AgentInput>;

export const AgentListQuery = Type.Object(
  {
    type: Type.Optional(AgentType),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Part of the name or email, any case (letters beyond ASCII match in their own case on SQLite).',
      }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AgentListQuery = Static<typeof AgentListQuery>;

export const AgentPage = Type.Object({ data: Type.Array(Agent), next_cursor: NextCursor });
