import type { AnyQuestionKind, QuestionKind } from '../rating-config/index.js';
import type { QuestionStatus, RatingSource, StoredRatingStatus } from './ratings.table.js';

export type RatingStatus = StoredRatingStatus | 'expired';

export interface RatingQuestion {
  /** A built-in code or one of the organization's own questions. */
  code: string;
  kind: AnyQuestionKind;
  status: QuestionStatus;
  /** Whether the survey counts as answered only once this question is; optional ones never leave it partial. */
  required: boolean;
  /** Stars/CSAT 1-5, NPS 0-10, CES 1-7, thumbs 1 (up) or 0 (down); null until answered, and for choice and text. */
  value: number | null;
  comment: string | null;
  /** The version of the organization's question it was asked in; null for built-in codes. */
  version: number | null;
  /** The option ids chosen (choice questions); null until answered. */
  choices: string[] | null;
  /** The follow-up reasons chosen after a low answer; null when none were. */
  reasons: string[] | null;
  /** The answer of a text question; null until answered. */
  text: string | null;
  offered_at: string;
  answered_at: string | null;
  updated_at: string;
}

/** One survey of one conversation: what every rating surface reads and writes. */
export interface Rating {
  id: number;
  uid: string;
  code: string;
  /** The public rating page. */
  link: string;
  conversation_id: number;
  conversation_uid: string;
  channel: string | null;
  source: RatingSource;
  status: RatingStatus;
  contact_id: string;
  agent_id: string | null;
  agent_type: string | null;
  language: string | null;
  comment: string | null;
  questions: RatingQuestion[];
  expires_at: string | null;
  created_at: string;
  updated_at: string;
  offered_at: string;
  opened_at: string | null;
  submitted_at: string | null;
  cancelled_at: string | null;
}

export interface AnswerInput {
  code: string;
  /** Numeric kinds; choice and text questions answer without one. */
  value?: number | null | undefined;
  /** Choice: the option ids chosen (one unless the question takes several). */
  choices?: string[] | undefined;
  /** Text: the answer. */
  text?: string | undefined;
  /** After a low answer: ids of the question's follow-up reasons. */
  reasons?: string[] | undefined;
  /** After a low answer: the comment its follow-up prompts for, kept with this question. */
  comment?: string | null | undefined;
}

export interface ListRatingsQuery {
  status?: RatingStatus;
  question_code?: string;
  kind?: QuestionKind;
  score_min?: number;
  score_max?: number;
  agent_id?: string;
  has_comment?: boolean;
  created_from?: string;
  created_to?: string;
  conversation_id?: number;
  limit?: number;
  cursor?: string;
}
