import type { Generated } from 'kysely';

export type ReviewStatus = 'open' | 'in_review' | 'resolved' | 'wont_fix';
export type ReviewKind = 'answer' | 'rating';

/** An item of the review queue: a disliked AI answer, or the rating of a low-rated AI conversation. */
export interface ReviewsTable {
  id: Generated<number>;
  org_id: number;
  kind: ReviewKind;
  conversation_id: number;
  message_id: number | null;
  rating_id: number | null;
  status: ReviewStatus;
  /** The user working on it. */
  assignee_id: string | null;
  notes: string | null;
  /** A short tag saying how it was resolved, e.g. `prompt_fixed`, `knowledge_added`. */
  resolution: string | null;
  /** How many times a new dislike or low answer put it back in the queue after it was closed. */
  reopened: Generated<number>;
  created_at: string;
  updated_at: string;
  last_event_at: string;
  resolved_at: string | null;
}
