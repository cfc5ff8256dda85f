import { sql } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import { forUpdate } from '../../db/locking.js';
import type { CreatedCursor } from '../../http/pagination.js';
import { agentNameSql } from '../agents/index.js';
import type { ReviewKind, ReviewStatus, ReviewsTable } from './reviews.table.js';

export interface ReviewFilters {
  status?: ReviewStatus[];
  kind?: ReviewKind;
  /** A user's id, or null for the unassigned. */
  assignee?: string | null;
}

type Changes = Partial<
  Pick<ReviewsTable, 'status' | 'assignee_id' | 'notes' | 'resolution' | 'resolved_at' | 'last_event_at'>
> & { updated_at: string; reopened?: number };

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

/** SQL of the review queue, always bound to one organization. */
export class ReviewsRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {}

  /** The item of an answer or a rating, locked for the transaction on PostgreSQL. */
  async findBySubject(trx: Db, subject: { messageId: number } | { ratingId: number }) {
    let query = trx.selectFrom('reviews').select(['id', 'status', 'reopened']);
    query =
      'messageId' in subject
        ? query.where('message_id', '=', subject.messageId)
        : query.where('rating_id', '=', subject.ratingId);
    return forUpdate(query, this.dialect).executeTakeFirst();
  }

  async insert(trx: Db, row: Omit<ReviewsTable, 'id' | 'reopened'>): Promise<number> {
    const { id } = await trx.insertInto('reviews').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(id);
  }

  async update(trx: Db, orgId: number, id: number, changes: Changes): Promise<void> {
    await trx.updateTable('reviews').set(changes).where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  /** The conversation a rating belongs to. */
  async ratingConversation(trx: Db, ratingId: number): Promise<number | undefined> {
    const row = await trx.selectFrom('ratings').select('conversation_id').where('id', '=', ratingId).executeTakeFirst();
    return row ? Number(row.conversation_id) : undefined;
  }

  /** Items of the organization with these ids, locked for the transaction on PostgreSQL. */
  lockItems(trx: Db, orgId: number, ids: number[]) {
    const query = trx
      .selectFrom('reviews')
      .select(['id', 'status', 'assignee_id', 'resolution', 'notes'])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids);
    return forUpdate(query, this.dialect).execute();
  }

  async userInOrganization(orgId: number, userId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('users')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Items newest event first, with what the queue shows of each. */
  async list(orgId: number, filters: ReviewFilters, limit: number, after?: CreatedCursor, ids?: number[]) {
    let query = this.db
      .selectFrom('reviews as v')
      .innerJoin('conversations as c', 'c.id', 'v.conversation_id')
      .leftJoin('messages as m', 'm.id', 'v.message_id')
      .leftJoin('ratings as r', 'r.id', 'v.rating_id')
      .leftJoin('users as u', (join) => join.onRef('u.id', '=', 'v.assignee_id').onRef('u.org_id', '=', 'v.org_id'))
      .select([
        'v.id',
        'v.kind',
        'v.status',
        'v.notes',
        'v.resolution',
        'v.reopened',
        'v.created_at',
        'v.updated_at',
        'v.last_event_at',
        'v.resolved_at',
        'v.assignee_id',
        'u.name as assignee_name',
        'u.email as assignee_email',
        'c.id as conversation_id',
        'c.uid as conversation_uid',
        'c.contact_name',
        'c.channel',
        'c.agent_id',
        'c.anonymized_at',
        'm.uid as message_uid',
        'm.text as message_text',
        'r.uid as rating_uid',
        'r.comment as rating_comment',
        agentNameSql('v.org_id', 'c.agent_id').as('agent_name'),
      ])
      .where('v.org_id', '=', orgId);
    if (ids) query = query.where('v.id', 'in', ids);
    if (filters.status?.length) query = query.where('v.status', 'in', filters.status);
    if (filters.kind) query = query.where('v.kind', '=', filters.kind);
    if (filters.assignee === null) query = query.where('v.assignee_id', 'is', null);
    else if (filters.assignee) query = query.where('v.assignee_id', '=', filters.assignee);
    if (after) {
      query = query.where((eb) => eb(eb.refTuple('v.last_event_at', 'v.id'), '<', eb.tuple(after.createdAt, after.id)));
    }
    const rows = await query.orderBy('v.last_event_at', 'desc').orderBy('v.id', 'desc').limit(limit).execute();
    return rows.map((row) => ({
      ...row,
      id: Number(row.id),
      conversation_id: Number(row.conversation_id),
      reopened: Number(row.reopened),
      created_at: iso(row.created_at)!,
      updated_at: iso(row.updated_at)!,
      last_event_at: iso(row.last_event_at)!,
      resolved_at: iso(row.resolved_at),
      anonymized_at: iso(row.anonymized_at),
    }));
  }

  /** Per answer: its current dislikes and comments. */
  async feedbackOf(messageUids: string[]) {
    if (messageUids.length === 0) return [];
    return this.db
      .selectFrom('message_feedback_current as f')
      .innerJoin('messages as m', 'm.id', 'f.message_id')
      .select(['m.uid', 'f.rating', 'f.comment'])
      .where('m.uid', 'in', messageUids)
      .orderBy('f.created_at', 'desc')
      .execute();
  }

  /** Per rating: its answered questions. */
  answersOf(ratingUids: string[]) {
    if (ratingUids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('rating_questions as q')
      .innerJoin('ratings as r', 'r.id', 'q.rating_id')
      .select(['r.uid', 'q.code', 'q.kind', 'q.value'])
      .where('r.uid', 'in', ratingUids)
      .where('q.status', '=', 'Rated')
      .orderBy('q.position')
      .execute();
  }

  /** How many items of each status the organization has. */
  async counts(orgId: number) {
    const rows = await this.db
      .selectFrom('reviews')
      .select(['status', sql<number>`count(*)`.as('count')])
      .where('org_id', '=', orgId)
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)])) as Partial<
      Record<ReviewStatus, number>
    >;
  }
}
