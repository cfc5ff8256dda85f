import type { QuestionStatus, StoredRatingStatus } from './ratings.table.js';
import type { RatingStatus } from './ratings.types.js';

/** Whether a rating's expiry has passed. */
export function isExpired(row: { expires_at: string | null }, now: string): boolean {
  return row.expires_at !== null && row.expires_at <= now;
}

/** A survey's stored status, from its questions. */
export function surveyStatus(questions: Array<{ status: QuestionStatus }>): StoredRatingStatus {
  const rated = questions.filter((question) => question.status === 'Rated').length;
  if (rated === 0) return 'offered';
  return rated === questions.filter((question) => question.status !== 'Cancelled').length ? 'rated' : 'partially_rated';
}

/** The status as every surface reads it: a survey still waiting for answers past its expiry is `expired`. */
export function readStatus(row: { status: StoredRatingStatus; expires_at: string | null }, now: string): RatingStatus {
  return (row.status === 'offered' || row.status === 'partially_rated') && isExpired(row, now) ? 'expired' : row.status;
}
