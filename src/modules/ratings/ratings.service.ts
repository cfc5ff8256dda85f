import { randomUUID } from 'node:crypto';
import type { Database, Db } from '../../db/database.js';
import { acceptedTimestamp, nowIso, recordRef, toStoredTimestamp } from '../../db/values.js';
import { AppError } from '../../errors.js';
import { decodeCursor, splitPage } from '../../http/pagination.js';
import type { AnalyticsService, RatingSnapshot } from '../analytics/index.js';
import type { ConversationRecord, ConversationsService } from '../conversations/index.js';
import {
  defaultInviteMessage,
  isValidValue,
  kindOf,
  pageLanguage,
  renderInviteText,
  valueRange,
  type QuestionCode,
  type QuestionKind,
  type RatingConfigService,
  type ResolvedSettings,
} from '../rating-config/index.js';
import type { WebhooksService } from '../webhooks/index.js';
import { newRatingCode } from './codes.js';
import {
  RatingsRepository,
  type QuestionRow,
  type RatingFilters,
  type RatingRef,
  type RatingRow,
} from './ratings.repository.js';
import type { QuestionStatus, RatingSource, StoredRatingStatus } from './ratings.table.js';

export const MAX_COMMENT_LENGTH = 2000;
const HOUR = 3_600_000;

export type RatingStatus = StoredRatingStatus | 'expired';

export interface RatingQuestion {
  code: QuestionCode;
  kind: QuestionKind;
  status: QuestionStatus;
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

function notFound(idOrUid: string | number): AppError {
  return new AppError('rating_not_found', `No rating ${idOrUid} in this organization.`);
}

function isExpired(row: { expires_at: string | null }, now: string): boolean {
  return row.expires_at !== null && row.expires_at <= now;
}

function statusOf(questions: Array<{ status: QuestionStatus }>): StoredRatingStatus {
  const rated = questions.filter((question) => question.status === 'Rated').length;
  if (rated === 0) return 'offered';
  return rated === questions.filter((question) => question.status !== 'Cancelled').length ? 'rated' : 'partially_rated';
}

function checkComment(comment: string | null | undefined): void {
  // Characters as people (and the schema validator) count them: code points, not UTF-16 units.
  if (comment && [...comment].length > MAX_COMMENT_LENGTH) {
    throw new AppError('validation_failed', `The comment is longer than ${MAX_COMMENT_LENGTH} characters.`);
  }
}

/**
 * Ratings: offering surveys, inviting contacts to the rating page, recording answers, cancelling, reading. Healvi
 * invites, Dixa offers and results, the native API and the rating page all go through here, on one set of records.
 */
export class RatingsService {
  private readonly repository: RatingsRepository;

  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationsService,
    private readonly ratingConfig: RatingConfigService,
    private readonly analytics: AnalyticsService,
    private readonly webhooks: WebhooksService,
    private readonly publicUrl: string,
  ) {
    this.repository = new RatingsRepository(database.db, database.dialect);
    conversations.onAnonymize((db, _orgId, conversationId) => this.repository.blankComments(db, conversationId));
  }

  /**
   * Runs a change to one rating inside its transaction and counts the difference it made into the analytics
   * rollups, and writes the webhook events it makes, in the same transaction.
   */
  private async tracked<T>(trx: Db, orgId: number, ratingId: number, change: () => Promise<T>): Promise<T> {
    const before = await this.repository.snapshotOf(trx, ratingId);
    const result = await change();
    const after = await this.repository.snapshotOf(trx, ratingId);
    await this.analytics.recordRatingChange(trx, orgId, before, after);
    await this.publishChanges(trx, orgId, ratingId, before, after);
    return result;
  }

  /**
   * The webhook events of a change, from the snapshots around it: questions newly offered (`rating.offered`), each
   * question newly answered or answered again (`rating.submitted`), the expiry counted (`rating.expired`). Reads the
   * rating's details only when a webhook of the organization wants one of them.
   */
  private async publishChanges(
    trx: Db,
    orgId: number,
    ratingId: number,
    before: RatingSnapshot | null,
    after: RatingSnapshot | null,
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
    const expired = after.expiry_recorded && !before?.expiry_recorded;
    const wants = async (type: 'rating.offered' | 'rating.submitted' | 'rating.expired', changed: boolean) =>
      changed && (await this.webhooks.subscribed(trx, orgId, type));
    const [wantOffered, wantAnswered, wantExpired] = [
      await wants('rating.offered', offered.length > 0),
      await wants('rating.submitted', answered.length > 0),
      await wants('rating.expired', expired),
    ];
    if (!wantOffered && !wantAnswered && !wantExpired) return;
    const row = (await this.repository.findRating(orgId, { id: ratingId }, trx))!;
    const questions = await this.repository.questionsOf(trx, [ratingId]);
    const subject = {
      rating_id: Number(row.id),
      rating_uid: row.uid,
      conversation_id: Number(row.conversation_id),
      conversation_uid: row.conversation_uid,
      agent_id: row.agent_id,
      agent_type: row.agent_type,
      channel: row.channel,
      source: row.source,
    };
    if (wantOffered) {
      await this.webhooks.enqueue(trx, orgId, 'rating.offered', {
        ...subject,
        link: this.linkOf(row.code),
        // In the survey's order.
        questions: questions
          .filter((question) => !previous.has(question.code))
          .map(({ code, kind }) => ({ code, kind })),
        offered_at: offered[0]!.offered_at,
        expires_at: row.expires_at,
      });
    }
    if (wantAnswered) {
      for (const question of answered) {
        const stored = questions.find((candidate) => candidate.code === question.code);
        await this.webhooks.enqueue(trx, orgId, 'rating.submitted', {
          ...subject,
          question_code: question.code,
          kind: question.kind,
          value: question.value,
          comment: stored?.comment ?? row.comment,
          answered_at: question.answered_at,
        });
      }
    }
    if (wantExpired) {
      await this.webhooks.enqueue(trx, orgId, 'rating.expired', {
        ...subject,
        expires_at: row.expires_at,
        unanswered: after.questions.filter((question) => question.status === 'Offered').map(({ code }) => code),
      });
    }
  }

  /** The link of a rating page. */
  linkOf(code: string): string {
    return `${this.publicUrl}/r/${code}`;
  }

  /**
   * Invites the conversation's contact to the rating page: the stars question, then the configured questions. While an
   * unexpired, unanswered invite exists for the conversation, that one is returned instead of a new one.
   */
  async createInvite(orgId: number, conversationIdOrUid: string) {
    const conversation = await this.conversations.findConversation(orgId, conversationIdOrUid);
    const settings = await this.ratingConfig.resolvedSettings(orgId);
    const now = nowIso();
    const { id, created } = await this.database.db.transaction().execute(async (trx) => {
      await this.repository.lockConversation(trx, conversation.id);
      const open = await this.repository.findOpenInvite(trx, conversation.id, now);
      if (open) return { id: Number(open.id), created: false };
      const codes: QuestionCode[] = [
        'STARS',
        ...settings.conv_rating_question_codes.filter((code) => kindOf(code) !== 'stars'),
      ];
      const expiresAt = new Date(Date.parse(now) + settings.invite_expiry_hours * HOUR).toISOString();
      const ratingId = await this.insertSurvey(trx, {
        orgId,
        conversation,
        codes,
        source: 'invite',
        at: now,
        expiresAt,
      });
      return { id: ratingId, created: true };
    });
    const rating = (await this.load(this.database.db, orgId, { id }))!;
    const template = settings.invite_message ?? defaultInviteMessage(pageLanguage(settings, conversation.language));
    return { rating, link: rating.link, text: renderInviteText(template, rating.link), created };
  }

  /**
   * Offers one question kind on the conversation's open survey, as Dixa offers do. A kind already waiting for an answer
   * there is returned as it is; another kind joins that survey; with no open survey (or that kind answered already), a
   * new survey begins.
   */
  async offerQuestion(
    orgId: number,
    conversationIdOrUid: string,
    input: { code: QuestionCode; contactId?: string; agentId?: string; offeredAt?: string },
  ): Promise<{ rating: Rating; question: RatingQuestion }> {
    const conversation = await this.conversations.findConversation(orgId, conversationIdOrUid);
    const givenAgent = input.agentId?.toLowerCase();
    const givenContact = input.contactId?.toLowerCase();
    const agentId =
      givenAgent ?? conversation.agent_id ?? (await this.conversations.latestAgentAuthor(orgId, conversation.id));
    const offeredAt = acceptedTimestamp(input.offeredAt, 'offeredAt') ?? nowIso();
    const kind = kindOf(input.code);
    const now = nowIso();
    const requireAgent = () => {
      if (!agentId) {
        throw new AppError(
          'no_agent',
          `Conversation ${conversation.id} has no agent to attribute the rating to; send agentId.`,
        );
      }
      return agentId;
    };
    const id = await this.database.db.transaction().execute(async (trx) => {
      await this.repository.lockConversation(trx, conversation.id);
      const open = await this.repository.findOpenSurvey(trx, conversation.id, now);
      // A survey belongs to one contact and one agent: an offer naming others starts a survey of its own.
      const sameParties =
        open &&
        (givenContact === undefined || givenContact === open.contact_id) &&
        (givenAgent === undefined || open.agent_id === null || givenAgent === open.agent_id);
      if (open && sameParties) {
        const openId = Number(open.id);
        const joined = await this.tracked(trx, orgId, openId, async () => {
          const questions = await this.repository.questionsOf(trx, [openId]);
          const sameKind = questions.filter((question) => question.kind === kind);
          if (sameKind.some((question) => question.status === 'Offered')) {
            // The offer waits already; a survey begun without an agent (an invite) takes the offer's.
            if (open.agent_id === null)
              await this.repository.updateRating(trx, openId, { agent_id: requireAgent(), updated_at: now });
            return true;
          }
          if (sameKind.length === 0) {
            await this.repository.insertQuestions(trx, [
              this.questionRow(orgId, openId, input.code, questions.length, offeredAt, now),
            ]);
            await this.repository.updateRating(trx, openId, {
              status: statusOf([...questions, { status: 'Offered' as const }]),
              updated_at: now,
              ...(open.agent_id === null ? { agent_id: requireAgent() } : {}),
            });
            return true;
          }
          return false;
        });
        if (joined) return openId;
      }
      return this.insertSurvey(trx, {
        orgId,
        conversation,
        codes: [input.code],
        source: 'offer',
        at: offeredAt,
        contactId: givenContact,
        agentId: requireAgent(),
        expiresAt: null,
      });
    });
    const rating = (await this.load(this.database.db, orgId, { id }))!;
    const question =
      rating.questions.find((candidate) => candidate.kind === kind && candidate.status === 'Offered') ??
      rating.questions.find((candidate) => candidate.kind === kind)!;
    return { rating, question };
  }

  /** Offers a new survey with the given questions (the native API). */
  async offerSurvey(
    orgId: number,
    conversationIdOrUid: string,
    input: {
      codes: QuestionCode[];
      contactId?: string;
      agentId?: string;
      language?: string;
      expiresInHours?: number;
      offeredAt?: string;
      /** An exact expiry (imports of history); the API gives `expiresInHours` from now. */
      expiresAt?: string;
      /** Where the survey comes from: the native API by default, `popup` for the embeddable widget. */
      source?: RatingSource;
    },
  ): Promise<Rating> {
    const conversation = await this.conversations.findConversation(orgId, conversationIdOrUid);
    const now = nowIso();
    const offeredAt = acceptedTimestamp(input.offeredAt, 'body.offered_at') ?? now;
    const expiresAt =
      input.expiresAt ??
      (input.expiresInHours === undefined
        ? null
        : new Date(Date.parse(now) + input.expiresInHours * HOUR).toISOString());
    const id = await this.database.db.transaction().execute((trx) =>
      this.insertSurvey(trx, {
        orgId,
        conversation,
        codes: input.codes,
        source: input.source ?? 'api',
        at: offeredAt,
        contactId: input.contactId,
        agentId: input.agentId,
        language: input.language,
        expiresAt,
      }),
    );
    return (await this.load(this.database.db, orgId, { id }))!;
  }

  /** Records answers to questions of a survey, by question code (the native API). */
  async answerRating(
    orgId: number,
    ratingIdOrUid: string,
    input: { answers: AnswerInput[]; comment?: string | null; submittedAt?: string },
  ): Promise<Rating> {
    const ref = recordRef(ratingIdOrUid);
    const row = ref && (await this.repository.findRating(orgId, ref));
    if (!row) throw notFound(ratingIdOrUid);
    const at = acceptedTimestamp(input.submittedAt, 'body.submitted_at') ?? nowIso();
    await this.database.db.transaction().execute(async (trx) => {
      await this.repository.lockRating(trx, Number(row.id));
      await this.tracked(trx, orgId, Number(row.id), async () => {
        const questions = await this.repository.questionsOf(trx, [Number(row.id)]);
        // The comment belongs to the survey and to the answers it came with, so per-question readers (Dixa) see it.
        const answers = input.answers.map(({ code, value }) => {
          const question = questions.find((candidate) => candidate.code === code);
          if (!question) throw new AppError('question_not_offered', `Rating ${row.id} has no question ${code}.`);
          return { question, value, comment: input.comment };
        });
        await this.applyAnswers(trx, row, questions, answers, input.comment, at);
      });
    });
    return (await this.load(this.database.db, orgId, { id: Number(row.id) }))!;
  }

  /**
   * Records the result of one question kind of a survey, as Dixa submits it: the survey's question of that kind that
   * still waits for an answer, else the answered one (the answer changes).
   */
  async submitResult(
    orgId: number,
    conversationIdOrUid: string,
    ratingUid: string,
    input: { kind: QuestionKind; value: number; comment?: string; submittedAt?: string },
  ): Promise<{ rating: Rating; question: RatingQuestion }> {
    const conversation = await this.conversations.findConversation(orgId, conversationIdOrUid);
    const row = /^[0-9a-f-]{36}$/i.test(ratingUid)
      ? await this.repository.findRating(orgId, { uid: ratingUid.toLowerCase() })
      : undefined;
    if (!row || Number(row.conversation_id) !== conversation.id) {
      throw new AppError('rating_not_found', `No rating ${ratingUid} on conversation ${conversation.id}.`);
    }
    const at = acceptedTimestamp(input.submittedAt, 'submittedAt') ?? nowIso();
    let code: QuestionCode | undefined;
    await this.database.db.transaction().execute(async (trx) => {
      await this.repository.lockRating(trx, Number(row.id));
      await this.tracked(trx, orgId, Number(row.id), async () => {
        const questions = await this.repository.questionsOf(trx, [Number(row.id)]);
        const ofKind = questions.filter((question) => question.kind === input.kind);
        const question = ofKind.find((candidate) => candidate.status === 'Offered') ?? ofKind[0];
        if (!question) {
          throw new AppError('question_not_offered', `Rating ${ratingUid} offered no ${input.kind} question.`);
        }
        code = question.code as QuestionCode;
        await this.applyAnswers(
          trx,
          row,
          questions,
          [{ question, value: input.value, comment: input.comment }],
          input.comment,
          at,
        );
      });
    });
    const rating = (await this.load(this.database.db, orgId, { id: Number(row.id) }))!;
    return { rating, question: rating.questions.find((question) => question.code === code)! };
  }

  /** The rating behind a public page code, with its organization's settings; marks it opened. */
  async openByCode(code: string): Promise<{ rating: Rating; orgId: number; settings: ResolvedSettings } | undefined> {
    const row = await this.repository.findRatingByCode(code);
    if (!row) return undefined;
    const orgId = Number(row.org_id);
    if (!row.opened_at) {
      const openedAt = nowIso();
      const id = Number(row.id);
      await this.database.db
        .transaction()
        .execute((trx) => this.tracked(trx, orgId, id, () => this.repository.markOpened(trx, id, openedAt)));
      row.opened_at = openedAt;
    }
    const [[rating], settings] = await Promise.all([
      this.withQuestions([row]),
      this.ratingConfig.resolvedSettings(orgId),
    ]);
    return { rating: rating!, orgId, settings };
  }

  /**
   * Records the rater's answers from the public page. The rater may change them until the rating expires. Answers to
   * questions the survey does not ask are refused.
   */
  async answerByCode(code: string, input: { answers: AnswerInput[]; comment: string | null }): Promise<Rating> {
    const row = await this.repository.findRatingByCode(code);
    if (!row) throw new AppError('rating_not_found', 'No rating with this link.');
    const at = nowIso();
    await this.database.db.transaction().execute(async (trx) => {
      await this.repository.lockRating(trx, Number(row.id));
      await this.tracked(trx, Number(row.org_id), Number(row.id), async () => {
        const questions = await this.repository.questionsOf(trx, [Number(row.id)]);
        const answers = input.answers.map(({ code: questionCode, value }) => {
          const question = questions.find((candidate) => candidate.code === questionCode);
          if (!question) throw new AppError('question_not_offered', `This rating has no question ${questionCode}.`);
          return { question, value, comment: question.kind === 'stars' ? input.comment : undefined };
        });
        await this.applyAnswers(trx, row, questions, answers, input.comment, at);
      });
    });
    return (await this.load(this.database.db, Number(row.org_id), { id: Number(row.id) }))!;
  }

  /** Cancels the questions still waiting for an answer; answered ones keep their values. */
  async cancelRating(orgId: number, ratingIdOrUid: string): Promise<Rating> {
    const ref = recordRef(ratingIdOrUid);
    const row = ref && (await this.repository.findRating(orgId, ref));
    if (!row) throw notFound(ratingIdOrUid);
    if (row.status !== 'cancelled') {
      // An expired rating stays as it expired: its unanswered questions count as expired, not cancelled.
      if (row.status !== 'rated' && isExpired(row, nowIso())) {
        throw new AppError('rating_expired', `Rating ${row.id} expired at ${row.expires_at}; it cannot be cancelled.`);
      }
      await this.database.db.transaction().execute(async (trx) => {
        await this.repository.lockRating(trx, Number(row.id));
        await this.tracked(trx, orgId, Number(row.id), async () => {
          const now = nowIso();
          for (const question of await this.repository.questionsOf(trx, [Number(row.id)])) {
            if (question.status === 'Offered') {
              await this.repository.updateQuestion(trx, Number(question.id), { status: 'Cancelled', updated_at: now });
            }
          }
          await this.repository.updateRating(trx, Number(row.id), {
            status: 'cancelled',
            cancelled_at: now,
            updated_at: now,
          });
        });
      });
    }
    return (await this.load(this.database.db, orgId, { id: Number(row.id) }))!;
  }

  /**
   * Counts the unanswered questions of ratings that expired since the last sweep as expired, in the analytics
   * rollups, and marks them counted. Several processes may sweep at once: each rating is counted by one of them.
   * Returns how many ratings it counted.
   */
  async sweepExpired(limit = 500): Promise<number> {
    const due = await this.repository.unrecordedExpiries(nowIso(), limit);
    let counted = 0;
    for (const { id, org_id } of due) {
      await this.database.db.transaction().execute(async (trx) => {
        await this.repository.lockRating(trx, Number(id));
        const recorded = await this.tracked(trx, Number(org_id), Number(id), () =>
          this.repository.recordExpiry(trx, Number(id)),
        );
        if (recorded) counted += 1;
      });
    }
    return counted;
  }

  async getRating(orgId: number, ratingIdOrUid: string): Promise<Rating> {
    const ref = recordRef(ratingIdOrUid);
    const rating = ref && (await this.load(this.database.db, orgId, ref));
    if (!rating) throw notFound(ratingIdOrUid);
    return rating;
  }

  /** The ratings of one conversation, oldest first. */
  async conversationRatings(orgId: number, conversationIdOrUid: string): Promise<Rating[]> {
    const conversation = await this.conversations.findConversation(orgId, conversationIdOrUid);
    const rows = await this.repository.listRatings(orgId, { conversationId: conversation.id }, 1000);
    return (await this.withQuestions(rows)).reverse();
  }

  /** Newest first with a keyset cursor, filtered. */
  async listRatings(orgId: number, query: ListRatingsQuery): Promise<{ data: Rating[]; next_cursor: string | null }> {
    const limit = query.limit ?? 50;
    const rows = await this.repository.listRatings(
      orgId,
      this.filtersOf(query),
      limit + 1,
      query.cursor ? decodeCursor(query.cursor) : undefined,
    );
    const { page, next_cursor } = splitPage(rows, limit);
    return { data: await this.withQuestions(page), next_cursor };
  }

  /** Newest first by page number, for surfaces that paginate by offset. */
  async pageOfRatings(orgId: number, input: { onlyRated: boolean; page: number; perPage: number }) {
    const filters: RatingFilters = input.onlyRated ? { statuses: ['partially_rated', 'rated'] } : {};
    const [total, rows] = await Promise.all([
      this.repository.countRatings(orgId, filters),
      this.repository.pageOfRatings(orgId, filters, (input.page - 1) * input.perPage, input.perPage),
    ]);
    return { total, data: await this.withQuestions(rows) };
  }

  private filtersOf(query: ListRatingsQuery): RatingFilters {
    const now = nowIso();
    const filters: RatingFilters = {
      conversationId: query.conversation_id,
      questionCode: query.question_code,
      kind: query.kind,
      scoreMin: query.score_min,
      scoreMax: query.score_max,
      agentId: query.agent_id?.toLowerCase(),
      hasComment: query.has_comment,
      createdFrom: query.created_from && toStoredTimestamp(query.created_from),
      createdTo: query.created_to && toStoredTimestamp(query.created_to),
    };
    switch (query.status) {
      case undefined:
        break;
      case 'expired':
        filters.statuses = ['offered', 'partially_rated'];
        filters.expired = { now, is: true };
        break;
      case 'offered':
      case 'partially_rated':
        filters.statuses = [query.status];
        filters.expired = { now, is: false };
        break;
      default:
        filters.statuses = [query.status];
    }
    return filters;
  }

  private async applyAnswers(
    trx: Db,
    row: RatingRow,
    questions: QuestionRow[],
    answers: Array<{ question: QuestionRow; value: number; comment?: string | null }>,
    comment: string | null | undefined,
    at: string,
  ): Promise<void> {
    const now = nowIso();
    if (row.status === 'cancelled') throw new AppError('rating_cancelled', `Rating ${row.id} was cancelled.`);
    if (isExpired(row, now)) throw new AppError('rating_expired', `Rating ${row.id} expired at ${row.expires_at}.`);
    checkComment(comment);
    for (const { question, value } of answers) {
      const kind = question.kind as QuestionKind;
      if (!isValidValue(kind, value)) {
        const { min, max } = valueRange[kind];
        throw new AppError(
          'invalid_rating_value',
          `${question.code} takes a whole number from ${min} to ${max}${kind === 'thumbs' ? ' (1 up, 0 down)' : ''}; got ${JSON.stringify(value)}.`,
        );
      }
      if (question.status === 'Cancelled') {
        throw new AppError('rating_cancelled', `Question ${question.code} of rating ${row.id} was cancelled.`);
      }
    }
    for (const { question, value, comment: questionComment } of answers) {
      await this.repository.updateQuestion(trx, Number(question.id), {
        status: 'Rated',
        value,
        answered_at: at,
        updated_at: now,
        ...(questionComment !== undefined ? { comment: questionComment || null } : {}),
      });
      question.status = 'Rated';
    }
    await this.repository.updateRating(trx, Number(row.id), {
      status: statusOf(questions),
      submitted_at: at,
      updated_at: now,
      ...(comment !== undefined ? { comment: comment || null } : {}),
    });
  }

  private questionRow(
    orgId: number,
    ratingId: number,
    code: QuestionCode,
    position: number,
    offeredAt: string,
    now: string,
  ) {
    return {
      rating_id: ratingId,
      org_id: orgId,
      position,
      code,
      kind: kindOf(code),
      status: 'Offered' as const,
      value: null,
      comment: null,
      offered_at: offeredAt,
      answered_at: null,
      updated_at: now,
    };
  }

  private async insertSurvey(
    trx: Db,
    input: {
      orgId: number;
      conversation: ConversationRecord;
      codes: QuestionCode[];
      source: RatingSource;
      at: string;
      expiresAt: string | null;
      contactId?: string;
      agentId?: string;
      language?: string;
    },
  ): Promise<number> {
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
    });
    await this.repository.insertQuestions(
      trx,
      input.codes.map((code, position) => this.questionRow(input.orgId, id, code, position, input.at, now)),
    );
    const snapshot = await this.repository.snapshotOf(trx, id);
    await this.analytics.recordRatingChange(trx, input.orgId, null, snapshot);
    await this.publishChanges(trx, input.orgId, id, null, snapshot);
    return id;
  }

  private async load(db: Db, orgId: number, ref: RatingRef): Promise<Rating | undefined> {
    const row = await this.repository.findRating(orgId, ref, db);
    if (!row) return undefined;
    return (await this.withQuestions([row], db))[0];
  }

  private async withQuestions(rows: RatingRow[], db: Db = this.database.db): Promise<Rating[]> {
    const questions = await this.repository.questionsOf(
      db,
      rows.map((row) => Number(row.id)),
    );
    const now = nowIso();
    return rows.map((row) => {
      const own = questions.filter((question) => Number(question.rating_id) === Number(row.id));
      const stored = row.status;
      const status: RatingStatus =
        (stored === 'offered' || stored === 'partially_rated') && isExpired(row, now) ? 'expired' : stored;
      return {
        id: Number(row.id),
        uid: row.uid,
        code: row.code,
        link: this.linkOf(row.code),
        conversation_id: Number(row.conversation_id),
        conversation_uid: row.conversation_uid,
        channel: row.channel,
        source: row.source,
        status,
        contact_id: row.contact_id,
        agent_id: row.agent_id,
        agent_type: row.agent_type,
        language: row.language,
        comment: row.comment,
        questions: own.map((question) => ({
          code: question.code as QuestionCode,
          kind: question.kind as QuestionKind,
          status: question.status,
          value: question.value === null ? null : Number(question.value),
          comment: question.comment,
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
    });
  }
}
