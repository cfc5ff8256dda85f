import type { QuestionStatus, StoredRatingStatus } from './ratings.table.js';
import type { RatingStatus } from './ratings.types.js';

/** Whether a rating's expiry has passed. */
export function isExpired(row: { expires_at: string | null }, now: string): boolean {
  return row.expires_at !== null && row.expires_at <= now;
}

/**
 * A survey's stored status, from its questions: `offered` while nothing is answered (`cancelled` once withdrawn),
 * `partially_rated` while a required question still waits for its answer, else `rated`. Optional questions never
 * leave a survey partial, and a withdrawn survey with answers is `rated`: its answers stand, the rest was cancelled.
 */
export function surveyStatus(
  questions: ReadonlyArray<{ status: QuestionStatus; required: boolean }>,
  withdrawn: boolean,
): StoredRatingStatus {
  if (!questions.some((question) => question.status === 'Rated')) return withdrawn ? 'cancelled' : 'offered';
  return questions.some((question) => question.required && question.status === 'Offered') ? 'partially_rated' : 'rated';
}

/** The status as every surface reads it: a survey still waiting for answers past its expiry is `expired`. */
export function readStatus(row: { status: StoredRatingStatus; expires_at: string | null }, now: string): RatingStatus {
  return (row.status === 'offered' || row.status === 'partially_rated') && isExpired(row, now) ? 'expired' : row.status;
}
