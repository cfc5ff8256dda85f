import type { Expression, Insertable, SqlBool, Updateable } from 'kysely';
import { booleanParam, toBoolean, type RecordRef } from '../../db/values.js';
import type { Db, Dialect } from '../../db/database.js';
import { forUpdate } from '../../db/locking.js';
import { preparedQuery } from '../../db/prepared.js';
import type { CreatedCursor } from '../../http/pagination.js';
import type { RatingSnapshot } from '../analytics/index.js';
import type { RatingQuestionsTable, RatingSource, RatingsTable } from './ratings.table.js';

/** A rating named by integer id or by UUID. */
export type RatingRef = RecordRef;

export interface RatingFilters {
  /** Stored statuses to keep; `expired` is expressed with `expiredAt`. */
  statuses?: string[];
  expired?: { now: string; is: boolean };
  conversationId?: number;
  questionCode?: string;
  kind?: string;
  scoreMin?: number;
  scoreMax?: number;
  agentId?: string;
  hasComment?: boolean;
  createdFrom?: string;
  createdTo?: string;
}

/** SQL for ratings and their questions. Every query is bound to one organization, except the lookup by secret code. */
export class RatingsRepository {
  private readonly db: Db;
  private readonly dialect: Dialect;

  constructor(db: Db, dialect: Dialect) {
    this.db = db;
    this.dialect = dialect;
  }

  private selectRatings(db: Db) {
    return db
      .selectFrom('ratings as r')
      .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
      .selectAll('r')
      .select(['c.uid as conversation_uid', 'c.channel as channel', 'c.language as conversation_language']);
  }

  findRating(orgId: number, ref: RatingRef, db: Db = this.db) {
    const query = this.selectRatings(db).where('r.org_id', '=', orgId);
    return ('id' in ref ? query.where('r.id', '=', ref.id) : query.where('r.uid', '=', ref.uid)).executeTakeFirst();
  }

  private readonly ratingByCode = preparedQuery(
    () => this.db,
    (db, params: { code: string }) => this.selectRatings(db).where('r.code', '=', params.code),
  );

  /** The rating behind a public page: the code is the only key, so no organization is needed. */
  async findRatingByCode(code: string) {
    return (await this.ratingByCode({ code }))[0];
  }

  private readonly questionsOfOne = preparedQuery(
    () => this.db,
    (db, params: { ratingId: number }) =>
      db.selectFrom('rating_questions').selectAll().where('rating_id', '=', params.ratingId).orderBy('position'),
  );

  private lockedRatingBy(column: 'r.id' | 'r.uid') {
    return preparedQuery(
      () => this.db,
      (db, params: { orgId: number; key: number | string }) => {
        const query = this.selectRatings(db)
          .where('r.org_id', '=', params.orgId)
          .where(column, '=', params.key as never);
        // The rating's row only: the conversation's stays free for the offers that lock it.
        return this.dialect === 'postgres' ? query.forUpdate(['r']) : query;
      },
    );
  }

  private readonly lockedByCode = preparedQuery(
    () => this.db,
    (db, params: { code: string }) => {
      const query = this.selectRatings(db).where('r.code', '=', params.code);
      return this.dialect === 'postgres' ? query.forUpdate(['r']) : query;
    },
  );

  /** The rating behind a public page, read and locked in one statement as `findRatingForUpdate` does. */
  async findRatingByCodeForUpdate(db: Db, code: string): Promise<RatingRow | undefined> {
    return (await this.lockedByCode({ code }, db))[0];
  }

  private readonly lockedById = this.lockedRatingBy('r.id');
  private readonly lockedByUid = this.lockedRatingBy('r.uid');

  /**
   * Reads a rating of the organization and locks its row for the rest of the transaction (PostgreSQL; SQLite's one
   * writer holds the lock already), in one statement: the state a change is worked out on.
   */
  async findRatingForUpdate(db: Db, orgId: number, ref: RatingRef): Promise<RatingRow | undefined> {
    const rows =
      'id' in ref
        ? await this.lockedById({ orgId, key: ref.id }, db)
        : await this.lockedByUid({ orgId, key: ref.uid }, db);
    return rows[0];
  }

  /** Locks a rating row for the rest of the transaction (PostgreSQL), so concurrent answers apply one after another. */
  async lockRating(db: Db, id: number): Promise<void> {
    await forUpdate(db.selectFrom('ratings').select('id').where('id', '=', id), this.dialect).execute();
  }

  /** Locks a conversation row, so that concurrent offers for it see each other's surveys. */
  async lockConversation(db: Db, conversationId: number): Promise<void> {
    await forUpdate(
      db.selectFrom('conversations').select('id').where('id', '=', conversationId),
      this.dialect,
    ).execute();
  }

  questionsOf(db: Db, ratingIds: number[]) {
    if (ratingIds.length === 0) return Promise.resolve([]);
    // One rating (every page view and answer) has a query shape of its own, prepared once.
    if (ratingIds.length === 1) return this.questionsOfOne({ ratingId: ratingIds[0]! }, db);
    return db
      .selectFrom('rating_questions')
      .selectAll()
      .where('rating_id', 'in', ratingIds)
      .orderBy('rating_id')
      .orderBy('position')
      .execute();
  }

  /** The conversation's unanswered, unexpired, uncancelled invite, if any. */
  findOpenInvite(db: Db, conversationId: number, now: string) {
    return db
      .selectFrom('ratings')
      .select('id')
      .where('conversation_id', '=', conversationId)
      .where('source', '=', 'invite')
      .where('status', '=', 'offered')
      .where('expires_at', '>', now)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /**
   * The conversation's newest open survey, of one source when given: not cancelled, not expired, with a question
   * still waiting for its answer (optional ones included, so an answered invite can still take its thumbs).
   */
  findOpenSurvey(db: Db, conversationId: number, now: string, source?: RatingSource) {
    let query = db
      .selectFrom('ratings as r')
      .select(['r.id', 'r.contact_id', 'r.agent_id'])
      .where('r.conversation_id', '=', conversationId)
      .where('r.cancelled_at', 'is', null)
      .where('r.status', '!=', 'cancelled')
      .where((eb) => eb.or([eb('r.expires_at', 'is', null), eb('r.expires_at', '>', now)]))
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('rating_questions as q')
            .select('q.id')
            .whereRef('q.rating_id', '=', 'r.id')
            .where('q.status', '=', 'Offered'),
        ),
      );
    if (source) query = query.where('r.source', '=', source);
    return query.orderBy('r.id', 'desc').limit(1).executeTakeFirst();
  }

  /** A rating as the analytics rollups see it: its agent, channel, opening, expiry and questions. */
  async snapshotOf(db: Db, ratingId: number): Promise<RatingSnapshot | null> {
    const row = await db
      .selectFrom('ratings as r')
      .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
      .select(['r.conversation_id', 'r.agent_id', 'r.agent_type', 'c.channel', 'r.opened_at', 'r.expiry_recorded'])
      .where('r.id', '=', ratingId)
      .executeTakeFirst();
    if (!row) return null;
    const questions = await db
      .selectFrom('rating_questions')
      .select(['code', 'kind', 'status', 'value', 'offered_at', 'answered_at'])
      .where('rating_id', '=', ratingId)
      .execute();
    return {
      conversation_id: Number(row.conversation_id),
      agent_id: row.agent_id,
      agent_type: row.agent_type,
      channel: row.channel,
      opened_at: row.opened_at,
      expiry_recorded: toBoolean(row.expiry_recorded),
      questions: questions.map((question) => ({
        ...question,
        value: question.value === null ? null : Number(question.value),
      })),
    };
  }

  /** Expired ratings the expiry sweep has not counted yet, oldest expiry first. */
  unrecordedExpiries(now: string, limit: number) {
    return this.db
      .selectFrom('ratings')
      .select(['id', 'org_id'])
      .where('expiry_recorded', '=', booleanParam(false))
      .where('expires_at', '<=', now)
      .orderBy('expires_at')
      .limit(limit)
      .execute();
  }

  /** Marks a rating's expiry as counted; false when another sweeper got there first. */
  async recordExpiry(db: Db, id: number): Promise<boolean> {
    const result = await db
      .updateTable('ratings')
      .set({ expiry_recorded: booleanParam(true) })
      .where('id', '=', id)
      .where('expiry_recorded', '=', booleanParam(false))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async insertRating(db: Db, row: Insertable<RatingsTable>): Promise<number> {
    const inserted = await db.insertInto('ratings').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(inserted.id);
  }

  async insertQuestions(db: Db, rows: Insertable<RatingQuestionsTable>[]): Promise<void> {
    if (rows.length > 0) await db.insertInto('rating_questions').values(rows).execute();
  }

  async updateRating(db: Db, id: number, changes: Updateable<RatingsTable>): Promise<void> {
    await this.updateOf('ratings', changes)({ ...changes, id }, db);
  }

  async updateQuestion(db: Db, id: number, changes: Updateable<RatingQuestionsTable>): Promise<void> {
    await this.updateOf('rating_questions', changes)({ ...changes, id }, db);
  }

  private readonly updates = new Map<string, (params: Record<string, unknown>, db: Db) => Promise<unknown[]>>();

  /**
   * The prepared update of one row of `table` by id that sets the columns `changes` names: one statement per set of
   * columns, and the code sets only a few of them (an answer, a cancel, an opening).
   */
  private updateOf(table: 'ratings' | 'rating_questions', changes: Record<string, unknown>) {
    const columns = Object.keys(changes).filter((column) => changes[column] !== undefined);
    const key = `${table}:${columns.join(',')}`;
    let update = this.updates.get(key);
    if (!update) {
      update = preparedQuery(
        () => this.db,
        (db, params: Record<string, unknown>) =>
          db
            .updateTable(table)
            .set(Object.fromEntries(columns.map((column) => [column, params[column]])))
            .where('id', '=', params.id as number),
      );
      this.updates.set(key, update);
    }
    return update;
  }

  /** Marks a rating opened; false when it was already. */
  async markOpened(db: Db, id: number, at: string): Promise<boolean> {
    const result = await db
      .updateTable('ratings')
      .set({ opened_at: at })
      .where('id', '=', id)
      .where('opened_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Blanks the comments of a conversation's ratings (anonymization); the values stay. */
  async blankComments(db: Db, conversationId: number): Promise<void> {
    await db.updateTable('ratings').set({ comment: null }).where('conversation_id', '=', conversationId).execute();
    await db
      .updateTable('rating_questions')
      .set({ comment: null })
      .where('rating_id', 'in', db.selectFrom('ratings').select('id').where('conversation_id', '=', conversationId))
      .execute();
  }

  private filtered(orgId: number, filters: RatingFilters) {
    let query = this.selectRatings(this.db).where('r.org_id', '=', orgId);
    if (filters.conversationId !== undefined) query = query.where('r.conversation_id', '=', filters.conversationId);
    if (filters.statuses) query = query.where('r.status', 'in', filters.statuses as RatingsTable['status'][]);
    if (filters.expired) {
      const { now, is } = filters.expired;
      query = is
        ? query.where('r.expires_at', '<=', now)
        : query.where((eb) => eb.or([eb('r.expires_at', 'is', null), eb('r.expires_at', '>', now)]));
    }
    if (filters.agentId) query = query.where('r.agent_id', '=', filters.agentId);
    if (filters.hasComment !== undefined) {
      query = filters.hasComment
        ? query.where('r.comment', 'is not', null).where('r.comment', '!=', '')
        : query.where((eb) => eb.or([eb('r.comment', 'is', null), eb('r.comment', '=', '')]));
    }
    if (filters.createdFrom) query = query.where('r.created_at', '>=', filters.createdFrom);
    if (filters.createdTo) query = query.where('r.created_at', '<', filters.createdTo);
    const { questionCode, kind, scoreMin, scoreMax } = filters;
    if (questionCode || kind || scoreMin !== undefined || scoreMax !== undefined) {
      query = query.where(({ exists, selectFrom }) => {
        let questions = selectFrom('rating_questions as q').select('q.id').whereRef('q.rating_id', '=', 'r.id');
        if (questionCode) questions = questions.where('q.code', '=', questionCode);
        if (kind) questions = questions.where('q.kind', '=', kind);
        if (scoreMin !== undefined) questions = questions.where('q.value', '>=', scoreMin);
        if (scoreMax !== undefined) questions = questions.where('q.value', '<=', scoreMax);
        return exists(questions);
      });
    }
    return query;
  }

  /** Newest first, keyset-paginated. */
  listRatings(orgId: number, filters: RatingFilters, limit: number, after?: CreatedCursor) {
    let query = this.filtered(orgId, filters);
    if (after) {
      query = query.where((eb): Expression<SqlBool> =>
        eb.or([
          eb('r.created_at', '<', after.createdAt),
          eb.and([eb('r.created_at', '=', after.createdAt), eb('r.id', '<', after.id)]),
        ]),
      );
    }
    return query.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
  }

  /** Newest first, by page number (for surfaces that paginate by offset). */
  pageOfRatings(orgId: number, filters: RatingFilters, offset: number, limit: number) {
    return this.filtered(orgId, filters)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute();
  }

  async countRatings(orgId: number, filters: RatingFilters): Promise<number> {
    const row = await this.filtered(orgId, filters)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

export type RatingRow = NonNullable<Awaited<ReturnType<RatingsRepository['findRating']>>>;
export type QuestionRow = Awaited<ReturnType<RatingsRepository['questionsOf']>>[number];
