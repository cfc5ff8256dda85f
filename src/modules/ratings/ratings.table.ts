import type { Generated } from 'kysely';

export type RatingSource = 'invite' | 'offer' | 'api' | 'popup';
/** Stored survey status; `expired` is derived from `expires_at` when read. */
export type StoredRatingStatus = 'offered' | 'partially_rated' | 'rated' | 'cancelled';
export type QuestionStatus = 'Offered' | 'Rated' | 'Cancelled';

export interface RatingsTable {
  id: Generated<number>;
  uid: string;
  /** The unguessable code of the public rating page `/r/{code}`. */
  code: string;
  org_id: number;
  conversation_id: number;
  source: RatingSource;
  status: StoredRatingStatus;
  contact_id: string;
  agent_id: string | null;
  agent_type: string | null;
  language: string | null;
  comment: string | null;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
  offered_at: string;
  opened_at: string | null;
  submitted_at: string | null;
  cancelled_at: string | null;
  /** Set by the expiry sweep once it has counted the rating's unanswered questions as expired. */
  expiry_recorded: Generated<boolean | number>;
  /** When the invite's one reminder falls due (the survey rules' `reminder_after_hours`); null: none. */
  remind_at: string | null;
  /** When the reminder was sent (`rating.reminder_due`); set once, by one node. */
  reminded_at: string | null;
}

export interface RatingQuestionsTable {
  id: Generated<number>;
  rating_id: number;
  org_id: number;
  position: number;
  code: string;
  kind: string;
  status: QuestionStatus;
  /** Whether the survey counts as answered only once this question is: only required questions leave it partial. */
  required: boolean | number;
  value: number | null;
  comment: string | null;
  /** The version of the organization's question it was asked in; null for built-in codes. */
  question_version: number | null;
  /** JSON array of the option ids chosen (choice questions). */
  choices: string | null;
  /** JSON array of the follow-up reason ids chosen. */
  reasons: string | null;
  /** The answer of a text question. */
  answer_text: string | null;
  offered_at: string;
  answered_at: string | null;
  updated_at: string;
}
