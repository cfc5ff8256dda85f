import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import { integerId } from '../../db/values.js';
import type { CreatedCursor } from '../../http/pagination.js';
import { activityConditions, type ActivityFilters } from './inbox.activity.js';

export interface InboxFilters {
  rated?: boolean;
  lowRating?: boolean;
  hasComment?: boolean;
  agentId?: string;
  agentType?: 'human' | 'ai';
  channel?: string;
  status?: 'open' | 'closed';
  createdFrom?: string;
  createdTo?: string;
  /** Search text: part of a contact's name or email or of an external id, or an exact id or UUID. */
  search?: string;
  /** Answers or message feedback given on some days. */
  activity?: ActivityFilters;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `text` as a LIKE pattern that matches it anywhere, with `!` escaping the pattern's own wildcards. */
function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (char) => `!${char}`)}%`;
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
  ) {}

  async organizationTimezone(orgId: number): Promise<string> {
    const row = await this.db.selectFrom('organizations').select('timezone').where('id', '=', orgId).executeTakeFirst();
    return row?.timezone ?? 'UTC';
  }

  /** A page of conversations, newest first: `limit` rows after the cursor. */
  listConversations(orgId: number, filters: InboxFilters, limit: number, after?: CreatedCursor) {
    let query = this.db
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
      .where('c.org_id', '=', orgId);
    if (filters.status) query = query.where('c.status', '=', filters.status);
    if (filters.channel) query = query.where('c.channel', '=', filters.channel);
    if (filters.agentId) query = query.where('c.agent_id', '=', filters.agentId);
    if (filters.agentType) query = query.where('c.agent_type', '=', filters.agentType);
    if (filters.createdFrom) query = query.where('c.created_at', '>=', filters.createdFrom);
    if (filters.createdTo) query = query.where('c.created_at', '<', filters.createdTo);
    const { activity } = filters;
    if (activity?.answered || activity?.feedback) query = query.where((eb) => eb.and(activityConditions(eb, activity)));

    if (filters.rated !== undefined) {
      query = query.where(({ exists, not, selectFrom }) => {
        const answered = exists(
          selectFrom('ratings as r')
            .select(sql`1`.as('one'))
            .whereRef('r.conversation_id', '=', 'c.id')
            .where('r.status', 'in', ['partially_rated', 'rated']),
        );
        return filters.rated ? answered : not(answered);
      });
    }
    if (filters.lowRating !== undefined) {
      query = query.where(({ exists, not, selectFrom }) => {
        const low = exists(
          selectFrom('ratings as r')
            .innerJoin('rating_questions as q', 'q.rating_id', 'r.id')
            .select(sql`1`.as('one'))
            .whereRef('r.conversation_id', '=', 'c.id')
            .where('q.status', '=', 'Rated')
            .where((eb) =>
              eb.or([
                eb.and([eb('q.kind', '=', 'stars'), eb('q.value', '<=', 2)]),
                eb.and([eb('q.kind', '=', 'nps'), eb('q.value', '<=', 6)]),
                eb.and([eb('q.kind', '=', 'thumbs'), eb('q.value', '=', 0)]),
              ]),
            ),
        );
        return filters.lowRating ? low : not(low);
      });
    }
    if (filters.hasComment !== undefined) {
      query = query.where(({ exists, not, selectFrom, or }) => {
        const commented = or([
          exists(
            selectFrom('ratings as r')
              .select(sql`1`.as('one'))
              .whereRef('r.conversation_id', '=', 'c.id')
              .where('r.comment', 'is not', null)
              .where('r.comment', '!=', ''),
          ),
          exists(
            selectFrom('message_feedback_current as f')
              .select(sql`1`.as('one'))
              .whereRef('f.conversation_id', '=', 'c.id')
              .where('f.comment', 'is not', null)
              .where('f.comment', '!=', ''),
          ),
        ]);
        return filters.hasComment ? commented : not(commented);
      });
    }
    if (filters.search) {
      const search = filters.search;
      query = query.where((eb) => {
        // A UUID names a conversation or an external id exactly: two indexed lookups instead of reading every row.
        if (UUID.test(search)) {
          return eb.or([eb('c.uid', '=', search.toLowerCase()), eb('c.external_id', '=', search)]);
        }
        // SQLite's LIKE ignores ASCII case by itself; PostgreSQL's ILIKE ignores case in any script.
        const like = sql.raw(this.dialect === 'postgres' ? 'ilike' : 'like');
        const pattern = containsPattern(search);
        const matches: Expression<SqlBool>[] = (['c.contact_name', 'c.contact_email', 'c.external_id'] as const).map(
          (column) => sql<SqlBool>`${sql.ref(column)} ${like} ${pattern} escape '!'`,
        );
        const id = integerId(search);
        if (id !== undefined) matches.push(eb('c.id', '=', id));
        return eb.or(matches);
      });
    }
    if (after) {
      query = query.where((eb): Expression<SqlBool> =>
        eb.or([
          eb('c.created_at', '<', after.createdAt),
          eb.and([eb('c.created_at', '=', after.createdAt), eb('c.id', '<', after.id)]),
        ]),
      );
    }
    return query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(limit).execute();
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
