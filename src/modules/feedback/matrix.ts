import type { FeedbackRating } from './feedback.table.js';

/** What a submission says about each field: a value, `null` (clear it), or omitted (`undefined`: keep it). */
export interface FeedbackSubmission {
  rating?: FeedbackRating | null;
  comment?: string | null;
}

export interface FeedbackState {
  rating: FeedbackRating | null;
  comment: string | null;
}

/**
 * The behaviour matrix: the state a submission leads to from the author's current one, or `null` for a no-op
 * (both fields null, or both omitted). An omitted field carries the current value forward; `null` clears it.
 *
 * | rating        | comment  | result                                       |
 * |---------------|----------|----------------------------------------------|
 * | like/dislike  | omitted  | save rating, carry the existing comment      |
 * | like/dislike  | "text"   | save both                                    |
 * | like/dislike  | null     | save rating, clear comment                   |
 * | null          | "text"   | clear rating, save comment                   |
 * | omitted       | "text"   | keep the existing rating, save comment       |
 * | null          | null     | no-op                                        |
 * | omitted       | omitted  | no-op                                        |
 *
 * Beyond the table: `null` with the comment omitted clears the rating and carries the comment; omitted with `null`
 * keeps the rating and clears the comment.
 */
export function nextFeedback(current: FeedbackState | undefined, submission: FeedbackSubmission): FeedbackState | null {
  const { rating, comment } = submission;
  if ((rating === undefined && comment === undefined) || (rating === null && comment === null)) return null;
  return {
    rating: rating === undefined ? (current?.rating ?? null) : rating,
    comment: comment === undefined ? (current?.comment ?? null) : comment,
  };
}
