import type { Db } from '../../db/database.js';
import { agentNames } from '../agents/index.js';
import type { RatingSnapshot } from '../analytics/index.js';
import type { WebhooksService } from '../webhooks/index.js';
import { storedIds, type AnswerLabeller, type AnswerLabelsOf } from './answer-labels.js';
import type { InviteContent } from './invite-content.js';
import type { QuestionRow, RatingRow, RatingsRepository } from './ratings.repository.js';

/** Told, in the writing transaction, of the questions a change answered (the Langfuse bridge). */
export type AnswersListener = (
  trx: Db,
  orgId: number,
  ratingId: number,
  answered: Array<{ code: string; kind: string; value: number | null }>,
) => Promise<void>;

type RatingEventType = 'rating.offered' | 'rating.submitted' | 'rating.cancelled' | 'rating.expired';

/** The link and texts of a rating's invite, read in the writing transaction (`inviteContent`). */
export type InviteContentOf = (
  db: Db,
  orgId: number,
  rating: { code: string; language: string | null },
) => Promise<InviteContent>;

/**
 * More content an invite's events carry (the ready-to-send messages per channel), read in the writing transaction from
 * the rating as it stands.
 */
export type InviteExtrasOf = (
  db: Db,
  orgId: number,
  rating: {
    id: number;
    uid: string;
    link: string;
    language: string | null;
    expires_at: string | null;
    questions: Array<{ code: string; kind: string; status: QuestionRow['status']; version: number | null }>;
  },
) => Promise<Record<string, unknown>>;

/**
 * The webhook events of a change to a rating, worked out from the snapshots around it, so that every path that changes
 * a rating reports it without a rule of its own.
 */
export class RatingEvents {
  private readonly answersListeners: AnswersListener[] = [];
  private readonly inviteExtras: InviteExtrasOf[] = [];

  constructor(
    private readonly repository: RatingsRepository,
    private readonly webhooks: WebhooksService,
    private readonly contentOf: InviteContentOf,
    /** The labels of the options and reasons an answer chose; read only for an answer that chose some. */
    private readonly labelsOf?: AnswerLabelsOf,
  ) {}

  /** Registers more content for the invite's events (`rating.offered`, `rating.reminder_due`). */
  onInviteContent(extras: InviteExtrasOf): void {
    this.inviteExtras.push(extras);
  }

  /** The link and text of a rating's invite, and what the registered extras add, in the writing transaction. */
  private async inviteContentOf(trx: Db, orgId: number, row: RatingRow, questions: QuestionRow[]) {
    const content: Record<string, unknown> = { ...(await this.contentOf(trx, orgId, row)) };
    const rating = {
      id: Number(row.id),
      uid: row.uid,
      link: content.link as string,
      language: row.language,
      expires_at: row.expires_at,
      questions: questions.map(({ code, kind, status, question_version }) => ({
        code,
        kind,
        status,
        version: question_version === null ? null : Number(question_version),
      })),
    };
    for (const extras of this.inviteExtras) Object.assign(content, await extras(trx, orgId, rating));
    return content;
  }

  /** Registers a listener of answered questions. */
  onAnswers(listener: AnswersListener): void {
    this.answersListeners.push(listener);
  }

  /**
   * Questions newly offered (`rating.offered`), each question newly answered or answered again (`rating.submitted`),
   * questions withdrawn by a cancel (`rating.cancelled`, one event naming them all), the expiry counted
   * (`rating.expired`). Reads the rating's details only when a webhook of the organization wants one of them, and
   * not at all when the caller holds them as the change left them (`current`).
   */
  async publish(
    trx: Db,
    orgId: number,
    ratingId: number,
    before: RatingSnapshot | null,
    after: RatingSnapshot | null,
    current?: { row: RatingRow; questions: QuestionRow[] },
  ): Promise<void> {
    if (!after) return;
    const previous = new Map((before?.questions ?? []).map((question) => [question.code, question]));
    const offered = after.questions.filter((question) => !previous.has(question.code));
    const answered = after.questions.filter((question) => {
      const was = previous.get(question.code);
      return (
        question.status === 'Rated' &&
        (!was || was.status !== 'Rated' || was.value !== question.value || was.answered_at !== question.answered_at)
      );
    });
    const withdrawn = new Set(
      after.questions
        .filter((question) => question.status === 'Cancelled' && previous.get(question.code)?.status === 'Offered')
        .map(({ code }) => code),
    );
    const expired = after.expiry_recorded && !before?.expiry_recorded;
    if (answered.length > 0) {
      const answers = answered.map(({ code, kind, value }) => ({ code, kind, value }));
      for (const listener of this.answersListeners) await listener(trx, orgId, ratingId, answers);
    }
    const wants = async (type: RatingEventType, changed: boolean) =>
      changed && (await this.webhooks.subscribed(trx, orgId, type));
    const [wantOffered, wantAnswered, wantCancelled, wantExpired] = [
      await wants('rating.offered', offered.length > 0),
      await wants('rating.submitted', answered.length > 0),
      await wants('rating.cancelled', withdrawn.size > 0),
      await wants('rating.expired', expired),
    ];
    if (!wantOffered && !wantAnswered && !wantCancelled && !wantExpired) return;
    const row = current?.row ?? (await this.repository.findRating(orgId, { id: ratingId }, trx))!;
    const questions = current?.questions ?? (await this.repository.questionsOf(trx, [ratingId]));
    const subject = await this.subjectOf(trx, orgId, row);
    if (wantOffered) {
      await this.webhooks.enqueue(trx, orgId, 'rating.offered', {
        ...subject,
        // The link, and the ready-made invite text in the rating's language, for the platform to send.
        ...(await this.inviteContentOf(trx, orgId, row, questions)),
        // In the survey's order.
        questions: questions
          .filter((question) => !previous.has(question.code))
          .map(({ code, kind }) => ({ code, kind })),
        offered_at: offered[0]!.offered_at,
        expires_at: row.expires_at,
      });
    }
    if (wantAnswered) {
      const stored = answered.map(({ code }) => questions.find((candidate) => candidate.code === code));
      const chose = stored.some((question) => question && (question.choices !== null || question.reasons !== null));
      const labels = chose && this.labelsOf ? await this.labelsOf(trx, orgId, row, questions) : undefined;
      for (const [index, question] of answered.entries()) {
        await this.webhooks.enqueue(trx, orgId, 'rating.submitted', {
          ...subject,
          question_code: question.code,
          kind: question.kind,
          value: question.value,
          comment: stored[index]?.comment ?? row.comment,
          ...answerDetails(stored[index], labels),
          answered_at: question.answered_at,
        });
      }
    }
    if (wantCancelled) {
      await this.webhooks.enqueue(trx, orgId, 'rating.cancelled', {
        ...subject,
        status: row.status,
        cancelled_at: row.cancelled_at,
        // In the survey's order: what the cancel withdrew, and the answers that stand.
        withdrawn: questions.filter((question) => withdrawn.has(question.code)).map(({ code }) => code),
        answered: questions.filter((question) => question.status === 'Rated').map(({ code }) => code),
      });
    }
    if (wantExpired) {
      await this.webhooks.enqueue(trx, orgId, 'rating.expired', {
        ...subject,
        expires_at: row.expires_at,
        unanswered: after.questions.filter((question) => question.status === 'Offered').map(({ code }) => code),
      });
    }
  }

  /**
   * `rating.reminder_due`: the invite's one reminder, with its link and text, for the platform to send again. Called in
   * the transaction that marked the reminder sent, so that it is enqueued exactly once.
   */
  async publishReminder(trx: Db, orgId: number, ratingId: number, remindedAt: string): Promise<void> {
    if (!(await this.webhooks.subscribed(trx, orgId, 'rating.reminder_due'))) return;
    const row = (await this.repository.findRating(orgId, { id: ratingId }, trx))!;
    const questions = await this.repository.questionsOf(trx, [ratingId]);
    await this.webhooks.enqueue(trx, orgId, 'rating.reminder_due', {
      ...(await this.subjectOf(trx, orgId, row)),
      ...(await this.inviteContentOf(trx, orgId, row, questions)),
      unanswered: questions.filter((question) => question.status === 'Offered').map(({ code }) => code),
      offered_at: row.offered_at,
      reminded_at: remindedAt,
      expires_at: row.expires_at,
    });
  }

  /** What every rating event names: the rating, its conversation, its agent and where it came from. */
  private async subjectOf(trx: Db, orgId: number, row: RatingRow) {
    const names = await agentNames(trx, orgId, [row.agent_id]);
    return {
      rating_id: Number(row.id),
      rating_uid: row.uid,
      conversation_id: Number(row.conversation_id),
      conversation_uid: row.conversation_uid,
      agent_id: row.agent_id,
      agent_type: row.agent_type,
      agent_name: (row.agent_id && names.get(row.agent_id)) ?? null,
      channel: row.channel,
      source: row.source,
    };
  }
}

/**
 * What a `rating.submitted` event adds to the value: the options chosen and the follow-up reasons, each as ids and as
 * labels in the rating's language, and a text question's answer; null where the answer holds none.
 */
function answerDetails(question: QuestionRow | undefined, labels: AnswerLabeller | undefined) {
  const choices = storedIds(question?.choices);
  const reasons = storedIds(question?.reasons);
  const labelled = (field: 'options' | 'reasons', ids: string[] | null) =>
    ids && (labels && question ? labels(question, field, ids) : ids);
  return {
    choices,
    choice_labels: labelled('options', choices),
    reasons,
    reason_labels: labelled('reasons', reasons),
    text: question?.answer_text ?? null,
  };
}
