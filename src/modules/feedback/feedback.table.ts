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

/** The current feedback of one author on one message: the log's latest record for the pair, kept with each append. */
export interface MessageFeedbackCurrentTable {
  message_id: number;
  user_id: string;
  org_id: number;
  conversation_id: number;
  feedback_uid: string;
  rating: FeedbackRating | null;
  comment: string | null;
  created_at: string;
}
