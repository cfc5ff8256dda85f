import type { Generated } from 'kysely';

export type ConversationStatus = 'open' | 'closed';
export type AgentType = 'human' | 'ai';
export type MessageRole = 'user' | 'agent' | 'ai' | 'system';

export interface ConversationsTable {
  id: Generated<number>;
  uid: string;
  org_id: number;
  external_id: string | null;
  channel: string | null;
  status: ConversationStatus;
  contact_id: string;
  contact_name: string | null;
  contact_email: string | null;
  agent_id: string | null;
  agent_type: AgentType | null;
  language: string | null;
  /** JSON object. */
  metadata: unknown;
  /** JSON array of tags; null without one. */
  tags: unknown;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  anonymized_at: string | null;
}

export interface MessagesTable {
  id: Generated<number>;
  uid: string;
  org_id: number;
  conversation_id: number;
  role: MessageRole;
  /** Null once the conversation is anonymized. */
  text: string | null;
  /** The text's words as search reads them (search/words.ts `indexedText`); null without a word. */
  search_words: string | null;
  author_id: string | null;
  /** The model and prompt version that wrote an AI answer, and its trace and span in an LLM tracing tool. */
  model: string | null;
  prompt_version: string | null;
  trace_id: string | null;
  span_id: string | null;
  /** JSON array of tags; null without one. */
  tags: unknown;
  created_at: string;
}

export type VersionDimension = 'model' | 'prompt_version' | 'tag';

/** One label of a message (or, with no message, a tag of the conversation), for filtering by index. */
export interface VersionLabelsTable {
  org_id: number;
  conversation_id: number;
  message_id: number | null;
  dimension: VersionDimension;
  value: string;
}
