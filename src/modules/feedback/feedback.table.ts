import type { Generated } from 'kysely';

export type FeedbackRating = 'like' | 'dislike';

/** Append-only: a change is a new row; only anonymization blanks comments. */
export interface MessageFeedbackTable {
  id: Generated<number>;
  uid: string;
  org_id: number;
  conversation_id: number;
  message_id: number;
  /** The author: the user the API key was issued to (or, from the widget, the conversation's contact). */
  user_id: string;
  rating: FeedbackRating | null;
  comment: string | null;
  created_at: string;
}
