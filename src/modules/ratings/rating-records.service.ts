import { randomUUID } from 'node:crypto';
import type { Database, Db } from '../../db/database.js';
import { booleanParam, fromJson, nowIso, toBoolean } from '../../db/values.js';
import { AppError } from '../../errors.js';
import type { AnalyticsService, RatingSnapshot } from '../analytics/index.js';
import type { ConversationRecord } from '../conversations/index.js';
import { kindOf, isQuestionCode, type AnyQuestionKind, type RatingConfigService } from '../rating-config/index.js';
import type { QuestionsService } from '../questions/index.js';
import { SearchIndex } from '../search/index.js';
import type { ReviewsService } from '../reviews/index.js';
import type { WebhooksService } from '../webhooks/index.js';
import { answerLabels } from './answer-labels.js';
import { newRatingCode } from './codes.js';
import { RatingEvents } from './rating-events.service.js';
import { inviteContent } from './invite-content.js';
import { RatingsRepository, type QuestionRow, type RatingRef, type RatingRow } from './ratings.repository.js';
import type { RatingSource, StoredRatingStatus } from './ratings.table.js';
import type { Rating } from './ratings.types.js';
import { readStatus, surveyStatus } from './survey-status.js';

/** A question as a survey asks it. */
export interface AskedQuestion {
  code: string;
  required: boolean;
  /** An organization's own question: its kind and the version asked. Built-in codes leave both out. */
  kind?: AnyQuestionKind;
  version?: number | null;
}

/** A new survey: whose, which questions, from where, and until when. */
export interface NewSurvey {
  orgId: number;
  conversation: ConversationRecord;
  questions: AskedQuestion[];
  source: RatingSource;
  at: string;
  expiresAt: string | null;
  contactId?: string;
  agentId?: string;
  language?: string;
  /** When the invite's reminder falls due; none when not given. */
  remindAt?: string | null;
}

/**
 * What every rating use case shares: the records, the one way a change is counted into the analytics rollups and
 * reported to webhooks (`tracked`), creating a survey, and reading a rating as the API shows it.
 */
export class RatingRecords {
  readonly repository: RatingsRepository;
  /** The inbox search's index, which every rating comment joins in its writing transaction. */
  readonly search: SearchIndex;
  readonly events: RatingEvents;

  constructor(
    readonly database: Database,
    private readonly analytics: AnalyticsService,
    webhooks: WebhooksService,
    private readonly publicUrl: string,
    readonly ratingConfig: RatingConfigService,
    private readonly reviews?: ReviewsService,
    /** The organization's own questions: what custom codes are asked as. */
    readonly questions?: QuestionsService,
  ) {
    this.repository = new RatingsRepository(database.db, database.dialect);
    this.search = new SearchIndex(database);
    this.events = new RatingEvents(
      this.repository,
      webhooks,
      (db, orgId, rating) => inviteContent(db, ratingConfig, orgId, { ...rating, link: this.linkOf(rating.code) }),
      answerLabels(questions, ratingConfig),
    );
  }

  /** The link of a rating page. */
  linkOf(code: string): string {
    return `${this.publicUrl}/r/${code}`;
  }

  /**
   * Runs a change to one rating inside its transaction and counts the difference it made into the analytics
   * rollups, and writes the webhook events it makes, in the same transaction.
   */
  async tracked<T>(trx: Db, orgId: number, ratingId: number, change: () => Promise<T>): Promise<T> {
    const before = await this.repository.snapshotOf(trx, ratingId);
    const result = await change();
    const after = await this.repository.snapshotOf(trx, ratingId);
    await this.recordChange(trx, orgId, ratingId, before, after);
    return result;
  }

  /**
   * Counts a change to one rating into the analytics rollups, writes the webhook events it makes and puts a new low
   * answer in the review queue, all in the writing transaction. `current` is the rating as the change left it, when
   * the caller holds it already (the events need not read it again).
   */
  private async recordChange(
    trx: Db,
    orgId: number,
    ratingId: number,
    before: RatingSnapshot | null,
    after: RatingSnapshot | null,
    current?: { row: RatingRow; questions: QuestionRow[] },
  ): Promise<void> {
    await this.analytics.recordRatingChange(trx, orgId, before, after);
    await this.events.publish(trx, orgId, ratingId, before, after, current);
    const lowAt = after?.agent_type === 'ai' ? newLowAnswerAt(before, after) : undefined;
    // A new low answer to a rating of an AI conversation puts it in the review queue, or back in it.
    if (lowAt && this.reviews) await this.reviews.recordLowRating(trx, orgId, ratingId, lowAt);
  }

  /**
   * Runs a change to one rating inside `trx`: under the rating's lock, on the rating and its questions as they are now
   * (so that a cancel or an answer committed meanwhile is seen), counted and reported as `tracked` does. The change may
   * write anything: the rating is read again after it.
   */
  async changeRating<T>(
    trx: Db,
    orgId: number,
    ratingId: number,
    change: (row: RatingRow, questions: QuestionRow[]) => Promise<T>,
  ): Promise<T> {
    const row = await this.repository.findRatingForUpdate(trx, orgId, { id: ratingId });
    if (!row) throw ratingNotFound(ratingId);
    const questions = await this.repository.questionsOf(trx, [ratingId]);
    const before = snapshotFrom(row, questions);
    const result = await change(row, questions);
    const after = await this.repository.snapshotOf(trx, ratingId);
    await this.recordChange(trx, orgId, ratingId, before, after);
    return result;
  }

  /**
   * Edits one rating inside `trx` with one locked read: the rating and its questions are read once under its lock,
   * the edit writes through `RatingEdit`, which keeps them as written, and the change is counted and reported from
   * those in memory. Answers the rating as the edit left it; undefined when the organization has no such rating.
   */
  async editRating<T>(
    trx: Db,
    orgId: number,
    ref: RatingRef,
    edit: (rating: RatingEdit) => Promise<T>,
    /** The rating and its questions as the caller read them under the lock in `trx`: not read again. */
    locked?: { row: RatingRow; questions: QuestionRow[] },
  ): Promise<{ result: T; rating: Rating } | undefined> {
    const row = locked?.row ?? (await this.repository.findRatingForUpdate(trx, orgId, ref));
    if (!row) return undefined;
    const ratingId = Number(row.id);
    const questions = locked?.questions ?? (await this.repository.questionsOf(trx, [ratingId]));
    const before = snapshotFrom(row, questions);
    const editing = new RatingEdit(trx, this.repository, row, questions);
    const result = await edit(editing);
    await this.recordChange(trx, orgId, ratingId, before, snapshotFrom(row, questions), { row, questions });
    return { result, rating: this.toRating(row, questions, nowIso()) };
  }

  /**
   * The questions a survey asks for `codes`, each with what it is asked as: built-in codes as they are, the
   * organization's own questions with their kind and current version. `strict` refuses a code that is neither with
   * `unknown_question_code`; otherwise (lists the settings hold) such a code is left out.
   */
  async askedOf(
    orgId: number,
    codes: readonly string[],
    required: (code: string) => boolean,
    options: { strict: boolean; db?: Db },
  ): Promise<AskedQuestion[]> {
    const db = options.db ?? this.database.db;
    if (codes.every((code) => isQuestionCode(code)) || !this.questions) {
      return codes
        .filter((code) => options.strict || isQuestionCode(code))
        .map((code) => ({ code, required: required(code) }));
    }
    const resolved = options.strict
      ? await this.questions.resolve(orgId, codes, db)
      : await this.questions.resolveKnown(orgId, codes, db);
    return resolved.map((question) =>
      question.builtIn
        ? { code: question.code, required: required(question.code) }
        : { code: question.code, required: required(question.code), kind: question.kind, version: question.version },
    );
  }

  /** A question row as offered: waiting for its answer. */
  questionRow(orgId: number, ratingId: number, asked: AskedQuestion, position: number, offeredAt: string, now: string) {
    return {
      rating_id: ratingId,
      org_id: orgId,
      position,
      code: asked.code,
      kind: asked.kind ?? (isQuestionCode(asked.code) ? kindOf(asked.code) : 'stars'),
      status: 'Offered' as const,
      required: booleanParam(asked.required),
      value: null,
      comment: null,
      question_version: asked.version ?? null,
      choices: null,
      reasons: null,
      answer_text: null,
      offered_at: offeredAt,
      answered_at: null,
      updated_at: now,
    };
  }

  /** Creates a survey with its questions, counted and reported in the same transaction. */
  async insertSurvey(trx: Db, input: NewSurvey): Promise<number> {
    const now = nowIso();
    const { conversation } = input;
    const id = await this.repository.insertRating(trx, {
      uid: randomUUID(),
      code: newRatingCode(),
      org_id: input.orgId,
      conversation_id: conversation.id,
      source: input.source,
      status: 'offered',
      contact_id: input.contactId?.toLowerCase() ?? conversation.contact_id,
      agent_id: input.agentId?.toLowerCase() ?? conversation.agent_id,
      agent_type: conversation.agent_type,
      language: input.language ?? conversation.language,
      comment: null,
      expires_at: input.expiresAt,
      created_at: now,
      updated_at: now,
      offered_at: input.at,
      opened_at: null,
      submitted_at: null,
      cancelled_at: null,
      remind_at: input.remindAt ?? null,
      reminded_at: null,
    });
    await this.repository.insertQuestions(
      trx,
      input.questions.map((asked, position) => this.questionRow(input.orgId, id, asked, position, input.at, now)),
    );
    const snapshot = await this.repository.snapshotOf(trx, id);
    await this.analytics.recordRatingChange(trx, input.orgId, null, snapshot);
    await this.events.publish(trx, input.orgId, id, null, snapshot);
    return id;
  }

  /** One rating as the API shows it, read with `db` (a transaction's, to see its own writes). */
  async load(db: Db, orgId: number, ref: RatingRef): Promise<Rating | undefined> {
    const row = await this.repository.findRating(orgId, ref, db);
    if (!row) return undefined;
    return (await this.withQuestions([row], db))[0];
  }

  /** Rating rows as the API shows them, each with its questions (one query for all of them). */
  async withQuestions(rows: RatingRow[], db: Db = this.database.db): Promise<Rating[]> {
    const questions = await this.repository.questionsOf(
      db,
      rows.map((row) => Number(row.id)),
    );
    const now = nowIso();
    return rows.map((row) =>
      this.toRating(
        row,
        questions.filter((question) => Number(question.rating_id) === Number(row.id)),
        now,
      ),
    );
  }

  /** A rating row and its own questions as the API shows them. */
  toRating(row: RatingRow, questions: QuestionRow[], now: string): Rating {
    return {
      id: Number(row.id),
      uid: row.uid,
      code: row.code,
      link: this.linkOf(row.code),
      conversation_id: Number(row.conversation_id),
      conversation_uid: row.conversation_uid,
      channel: row.channel,
      source: row.source,
      status: readStatus(row, now),
      contact_id: row.contact_id,
      agent_id: row.agent_id,
      agent_type: row.agent_type,
      language: row.language,
      comment: row.comment,
      questions: questions.map((question) => ({
        code: question.code,
        kind: question.kind as AnyQuestionKind,
        status: question.status,
        required: toBoolean(question.required),
        value: question.value === null ? null : Number(question.value),
        comment: question.comment,
        version: question.question_version === null ? null : Number(question.question_version),
        choices: fromJson<string[] | null>(question.choices, null),
        reasons: fromJson<string[] | null>(question.reasons, null),
        text: question.answer_text,
        offered_at: question.offered_at,
        answered_at: question.answered_at,
        updated_at: question.updated_at,
      })),
      expires_at: row.expires_at,
      created_at: row.created_at,
      updated_at: row.updated_at,
      offered_at: row.offered_at,
      opened_at: row.opened_at,
      submitted_at: row.submitted_at,
      cancelled_at: row.cancelled_at,
    };
  }
}

/**
 * The writes of one edit of a rating (`RatingRecords.editRating`): each goes to the database and to the rating and
 * questions held in memory, so that these stay what the transaction wrote.
 */
export class RatingEdit {
  constructor(
    private readonly trx: Db,
    private readonly repository: RatingsRepository,
    /** The rating as it is in the transaction. */
    readonly row: RatingRow,
    /** Its questions, in the survey's order, as they are in the transaction. */
    readonly questions: QuestionRow[],
  ) {}

  async updateQuestion(question: QuestionRow, changes: QuestionChanges): Promise<void> {
    await this.repository.updateQuestion(this.trx, Number(question.id), changes);
    Object.assign(question, changes);
  }

  async updateRating(changes: RatingChanges): Promise<void> {
    await this.repository.updateRating(this.trx, Number(this.row.id), changes);
    Object.assign(this.row, changes);
  }

  /** Marks the rating opened at `at`, unless it was already. */
  async markOpened(at: string): Promise<void> {
    if (this.row.opened_at !== null) return;
    await this.repository.markOpened(this.trx, Number(this.row.id), at);
    this.row.opened_at = at;
  }
}

/** What an edit may change on a rating: plain values, as the row holds them. */
type RatingChanges = Partial<Pick<RatingRow, 'status' | 'comment' | 'submitted_at' | 'updated_at' | 'opened_at'>>;

/** What an edit may change on a question: plain values, as the row holds them. */
type QuestionChanges = Partial<
  Pick<
    QuestionRow,
    'status' | 'value' | 'choices' | 'reasons' | 'answer_text' | 'comment' | 'answered_at' | 'updated_at'
  >
>;

/** A rating as the analytics rollups see it, taken from its row and its questions. */
function snapshotFrom(row: RatingRow, questions: QuestionRow[]): RatingSnapshot {
  return {
    conversation_id: Number(row.conversation_id),
    agent_id: row.agent_id,
    agent_type: row.agent_type,
    channel: row.channel,
    opened_at: row.opened_at,
    expiry_recorded: toBoolean(row.expiry_recorded),
    questions: questions.map((question) => ({
      code: question.code,
      kind: question.kind,
      status: question.status,
      value: question.value === null ? null : Number(question.value),
      offered_at: question.offered_at,
      answered_at: question.answered_at,
    })),
  };
}

/** The stored status of a survey with these question rows (see `surveyStatus`). */
export function statusOfRows(questions: QuestionRow[], withdrawn: boolean): StoredRatingStatus {
  return surveyStatus(
    questions.map((question) => ({ status: question.status, required: toBoolean(question.required) })),
    withdrawn,
  );
}

/** The refusal for a rating that does not exist for the caller (another organization's included). */
export function ratingNotFound(idOrUid: string | number): AppError {
  return new AppError('rating_not_found', `No rating ${idOrUid} in this organization.`);
}

/** When the change answered a question low that was not answered so before (the latest such answer), if it did. */
function newLowAnswerAt(before: RatingSnapshot | null, after: RatingSnapshot): string | undefined {
  const was = new Map((before?.questions ?? []).map((question) => [question.code, question]));
  let at: string | undefined;
  for (const question of after.questions) {
    if (question.status !== 'Rated' || question.value === null || !isLow(question.kind, question.value)) continue;
    const previous = was.get(question.code);
    if (previous?.status === 'Rated' && previous.value === question.value) continue;
    const answered = question.answered_at ?? undefined;
    if (answered && (!at || answered > at)) at = answered;
  }
  return at;
}

function isLow(kind: string, value: number): boolean {
  return kind === 'stars' ? value <= 2 : kind === 'nps' ? value <= 6 : kind === 'thumbs' ? value === 0 : false;
}
