import type { Generated } from 'kysely';

/** The last topic computation of an organization. */
export interface TopicRunsTable {
  org_id: number;
  computed_at: string;
  /** The latest feedback or answer time the computation read; a newer one makes the next computation due. */
  inputs_up_to: string | null;
  /** Disliked answers and low ratings clustered. */
  documents: number;
  duration_ms: number;
}

export interface TopicsTable {
  id: Generated<number>;
  org_id: number;
  /** Largest first, from 0. */
  position: number;
  /** The heaviest terms, as written, joined by ", ". */
  label: string;
  /** The heaviest stems, space-separated. */
  terms: string;
}

export type TopicPolarity = 'disliked' | 'liked' | 'low' | 'high';

export interface TopicMembersTable {
  id: Generated<number>;
  org_id: number;
  topic_id: number;
  conversation_id: number;
  /** The AI answer, for an answer's feedback. */
  message_id: number | null;
  /** The rating, for a rated conversation. */
  rating_id: number | null;
  polarity: TopicPolarity;
  /** When the (latest current) feedback was given, or the rating answered. */
  at: string;
  /** Cosine similarity to the topic's centre, 0-1. */
  similarity: number;
}
