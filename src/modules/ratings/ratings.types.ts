import type { QuestionCode, QuestionKind } from '../rating-config/index.js';
import type { QuestionStatus, RatingSource, StoredRatingStatus } from './ratings.table.js';

export type RatingStatus = StoredRatingStatus | 'expired';

export interface RatingQuestion {
  code: QuestionCode;
  kind: QuestionKind;
  status: QuestionStatus;
  /** Whether the survey counts as answered only once this question is; optional ones never leave it partial. */
  required: boolean;
  /** Stars/CSAT 1-5, NPS 0-10, thumbs 1 (up) or 0 (down); null until answered. */
  value: number | null;
  comment: string | null;
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
  code: QuestionCode;
  value: number;
}

export interface ListRatingsQuery {
  status?: RatingStatus;
  question_code?: QuestionCode;
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
