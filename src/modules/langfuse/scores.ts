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

/** What the outbox holds to remove a score Plaudit sent before: the score's id. */
export interface LangfuseRemoval {
  remove: string;
}

/** The id of one user's feedback score on one message: the same for each of their records there. */
export function feedbackScoreId(messageUid: string, userId: string): string {
  return `plaudit-feedback-${createHash('sha256').update(`${messageUid}\n${userId}`).digest('hex').slice(0, 32)}`;
}

/**
 * The score of a user's feedback on a message carrying a trace: `user_feedback`, BOOLEAN, like 1 and dislike 0, on the
 * message's span when it has one. Its id is the same for every record of one user on one message, so that Langfuse
 * keeps the current opinion as Plaudit does (a change upserts the score, a retry makes no second one). Feedback
 * without a like or dislike has no score; one that withdraws a like or dislike removes it (LangfuseService).
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
  return {
    id: feedbackScoreId(input.messageUid, input.userId),
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
