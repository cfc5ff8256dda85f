import { createHash } from 'node:crypto';

/** A body of Langfuse's `POST /api/public/scores` (its CreateScoreRequest), as Plaudit sends it. */
export interface LangfuseScore {
  id: string;
  traceId: string;
  observationId?: string;
  name: string;
  value: number;
  dataType: 'BOOLEAN' | 'NUMERIC';
  comment?: string;
  metadata: Record<string, string>;
}

/** The score name of message feedback. */
export const FEEDBACK_SCORE_NAME = 'user_feedback';

/**
 * The score of a user's feedback on a message carrying a trace: `user_feedback`, BOOLEAN, like 1 and dislike 0, on the
 * message's span when it has one. Its id is the same for every record of one user on one message, so that Langfuse
 * keeps the current opinion as Plaudit does (a change upserts the score, a retry makes no second one). Feedback
 * without a like or dislike has no score.
 */
export function feedbackScore(input: {
  messageUid: string;
  userId: string;
  rating: 'like' | 'dislike' | null;
  comment: string | null;
  traceId: string;
  spanId: string | null;
}): LangfuseScore | null {
  if (input.rating === null) return null;
  const key = createHash('sha256').update(`${input.messageUid}\n${input.userId}`).digest('hex').slice(0, 32);
  return {
    id: `plaudit-feedback-${key}`,
    traceId: input.traceId,
    ...(input.spanId ? { observationId: input.spanId } : {}),
    name: FEEDBACK_SCORE_NAME,
    value: input.rating === 'like' ? 1 : 0,
    dataType: 'BOOLEAN',
    ...(input.comment ? { comment: input.comment } : {}),
    metadata: { source: 'plaudit', message_uid: input.messageUid },
  };
}

/**
 * The score of one answered question of a conversation's rating, on the conversation's trace: named by the question
 * code in lower case (`csat`, `nps`, `helpful_thumbs`…), thumbs as BOOLEAN 1/0, stars and NPS as NUMERIC. One id per
 * rating and question, so an answer changed later upserts the same score.
 */
export function ratingAnswerScore(input: {
  ratingUid: string;
  conversationUid: string;
  questionCode: string;
  kind: string;
  value: number;
  comment: string | null;
  traceId: string;
}): LangfuseScore {
  const name = input.questionCode.toLowerCase();
  return {
    id: `plaudit-rating-${input.ratingUid}-${name}`,
    traceId: input.traceId,
    name,
    value: input.value,
    dataType: input.kind === 'thumbs' ? 'BOOLEAN' : 'NUMERIC',
    ...(input.comment ? { comment: input.comment } : {}),
    metadata: { source: 'plaudit', rating_uid: input.ratingUid, conversation_uid: input.conversationUid },
  };
}

/** A key people can recognise without it being usable: its start and its last four characters. */
export function maskKey(key: string): string {
  return key.length <= 12 ? '••••' : `${key.slice(0, 6)}••••${key.slice(-4)}`;
}
