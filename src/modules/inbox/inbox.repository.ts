import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import type { CreatedCursor } from '../../http/pagination.js';
import { agentNameSql } from '../agents/index.js';
import type { ConversationConditions, ConversationFilter } from './filters.js';

/** A conversation as the inbox lists it. */
export type ListedRow = Awaited<ReturnType<InboxRepository['listConversations']>>[number];

/** Which part of the newest-first list a query reads. */
export interface ListWindow {
  /** Only conversations after this position (older): the page's cursor. */
  after?: CreatedCursor;
  /** Only these conversations: what the search index found. */
  among?: number[];
}

/**
 * The inbox read model: conversations with their latest rating and their feedback, filtered. It reads the ratings and
 * feedback tables directly (reads only), so that a page costs one list query and four batched ones. Every query is
 * bound to one organization.
 */
export class InboxRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
    private readonly conditions: ConversationConditions,
  ) {}

  async organizationTimezone(orgId: number): Promise<string> {
    const row = await this.db.selectFrom('organizations').select('timezone').where('id', '=', orgId).executeTakeFirst();
    return row?.timezone ?? 'UTC';
  }

  /** Conversations newest first: the first `limit` the filter keeps in the window. */
  listConversations(orgId: number, filter: ConversationFilter, limit: number, window: ListWindow = {}) {
    let query = this.listed(orgId);
    for (const condition of this.conditions.all(filter)) query = query.where(condition);
    const { after, among } = window;
    if (among) {
      // One parameter, so that the statement's text (and its prepared form) is the same for any number of ids.
      query = query.where(
        this.dialect === 'postgres'
          ? sql<SqlBool>`c.id = any(${among}::bigint[])`
          : sql<SqlBool>`c.id in (select value from json_each(${JSON.stringify(among)}))`,
      );
    }
    // Row values, so that both engines read the bounds as a range of the (org_id, created_at, id) index.
    if (after) {
      query = query.where((eb) => eb(eb.refTuple('c.created_at', 'c.id'), '<', eb.tuple(after.createdAt, after.id)));
    }
    return query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(limit).execute();
  }

  /**
   * The newest `count` conversations after `after` that the filter's own columns keep, each with whether it passes the
   * filter's other conditions and, term by term, whether it holds each search term: the first part of a search's
   * answer, and a sample of how common each term is.
   */
  async sample(orgId: number, filter: ConversationFilter, count: number, after?: CreatedCursor) {
    const related = this.conditions.related(filter);
    const terms = this.conditions.terms(filter);
    const flag = (condition: Expression<SqlBool>) => sql<number>`case when ${condition} then 1 else 0 end`;
    let query = this.listed(orgId).select([
      (related.length > 0 ? flag(sql<SqlBool>`${sql.join(related, sql` and `)}`) : sql<number>`1`).as('related'),
      ...terms.map((term, i) => flag(term).as(`term_${i}`)),
    ]);
    for (const condition of this.conditions.fields(filter)) query = query.where(condition);
    if (after) {
      query = query.where((eb) => eb(eb.refTuple('c.created_at', 'c.id'), '<', eb.tuple(after.createdAt, after.id)));
    }
    const rows = await query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(count).execute();
    return rows.map((row) => {
      const flags = row as unknown as Record<string, number>;
      const { related: _related, ...conversation } = row;
      for (let i = 0; i < terms.length; i += 1) delete (conversation as Record<string, unknown>)[`term_${i}`];
      return {
        conversation: conversation as ListedRow,
        related: Number(flags.related) === 1,
        terms: terms.map((_, i) => Number(flags[`term_${i}`]) === 1),
      };
    });
  }

  /** The columns of a listed conversation. */
  private listed(orgId: number) {
    return this.db
      .selectFrom('conversations as c')
      .select([
        'c.id',
        'c.uid',
        'c.external_id',
        'c.channel',
        'c.status',
        'c.contact_name',
        'c.contact_email',
        'c.agent_id',
        'c.agent_type',
        'c.created_at',
        'c.closed_at',
        'c.anonymized_at',
      ])
      .select(agentNameSql('c.org_id', 'c.agent_id').as('agent_name'))
      .where('c.org_id', '=', orgId);
  }

  /** The id of the organization's conversation with this uid, if there is one. */
  async conversationIdByUid(orgId: number, uid: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .select('id')
      .where('org_id', '=', orgId)
      .where('uid', '=', uid)
      .executeTakeFirst();
    return row ? Number(row.id) : undefined;
  }

  /** Per conversation: how many messages it has, and its last one (the text cut to `previewLength` characters). */
  lastMessages(orgId: number, conversationIds: number[], previewLength: number) {
    if (conversationIds.length === 0) return Promise.resolve([]);
    const ranked = this.db
      .selectFrom('messages as m')
      .select((eb) => [
        'm.conversation_id',
        'm.role',
        eb.fn<string | null>('substr', ['m.text', sql.lit(1), sql.lit(previewLength)]).as('text'),
        eb.fn
          .countAll<number>()
          .over((over) => over.partitionBy('m.conversation_id'))
          .as('message_count'),
        eb.fn
          .agg<number>('row_number', [])
          .over((over) => over.partitionBy('m.conversation_id').orderBy('m.created_at', 'desc').orderBy('m.id', 'desc'))
          .as('position'),
      ])
      .where('m.org_id', '=', orgId)
      .where('m.conversation_id', 'in', conversationIds);
    return this.db
      .selectFrom(ranked.as('ranked'))
      .select(['conversation_id', 'role', 'text', 'message_count'])
      .where('position', '=', 1)
      .execute();
  }

  /** The latest rating of each conversation, by creation. */
  latestRatings(orgId: number, conversationIds: number[]) {
    if (conversationIds.length === 0) return Promise.resolve([]);
    const ranked = this.db
      .selectFrom('ratings as r')
      .select((eb) => [
        'r.id',
        'r.uid',
        'r.conversation_id',
        'r.status',
        'r.source',
        'r.comment',
        'r.expires_at',
        'r.offered_at',
        'r.submitted_at',
        eb.fn
          .agg<number>('row_number', [])
          .over((over) => over.partitionBy('r.conversation_id').orderBy('r.created_at', 'desc').orderBy('r.id', 'desc'))
          .as('position'),
      ])
      .where('r.org_id', '=', orgId)
      .where('r.conversation_id', 'in', conversationIds);
    return this.db
      .selectFrom(ranked.as('ranked'))
      .select([
        'id',
        'uid',
        'conversation_id',
        'status',
        'source',
        'comment',
        'expires_at',
        'offered_at',
        'submitted_at',
      ])
      .where('position', '=', 1)
      .execute();
  }

  /** The answered questions of some ratings, in each rating's order. */
  answeredQuestions(orgId: number, ratingIds: number[]) {
    if (ratingIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('rating_questions')
      .select(['rating_id', 'code', 'kind', 'value'])
      .where('org_id', '=', orgId)
      .where('rating_id', 'in', ratingIds)
      .where('status', '=', 'Rated')
      .orderBy('rating_id')
      .orderBy('position')
      .execute();
  }

  /** Per conversation: the current likes, dislikes and comments over every author and message. */
  feedbackCounts(orgId: number, conversationIds: number[]) {
    if (conversationIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('message_feedback_current as f')
      .select((eb) => [
        'f.conversation_id',
        eb.fn.sum<number>(eb.case().when('f.rating', '=', 'like').then(sql.lit(1)).else(sql.lit(0)).end()).as('likes'),
        eb.fn
          .sum<number>(eb.case().when('f.rating', '=', 'dislike').then(sql.lit(1)).else(sql.lit(0)).end())
          .as('dislikes'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.and([eb('f.comment', 'is not', null), eb('f.comment', '!=', '')]))
              .then(sql.lit(1))
              .else(sql.lit(0))
              .end(),
          )
          .as('comments'),
      ])
      .where('f.org_id', '=', orgId)
      .where('f.conversation_id', 'in', conversationIds)
      .groupBy('f.conversation_id')
      .execute();
  }
}
