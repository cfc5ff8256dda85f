import type { Generated } from 'kysely';

export type AgentKind = 'human' | 'ai';

/** The agents directory: one row per agent an organization names, by the UUID its conversations use. */
export interface AgentsTable {
  id: Generated<number>;
  org_id: number;
  /** The agent's UUID, as conversations, messages and ratings name it. */
  uid: string;
  /** Null while only a conversation without `agent_type` named the agent. */
  type: AgentKind | null;
  /** Null until someone names the agent; the linked user's name stands in for it. */
  name: string | null;
  email: string | null;
  avatar_url: string | null;
  /** AI agents only: the model behind it. */
  model: string | null;
  /** AI agents only: what it does. */
  description: string | null;
  created_at: string;
  updated_at: string;
}
