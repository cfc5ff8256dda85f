import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Tables } from '../../db/tables.js';
import type { ResolvedFilters } from '../analytics/index.js';
import { conversationHasLabels, filterLabels, messageHasLabels } from '../conversations/index.js';
import type { TopicPolarity } from './topics.table.js';

type MemberQuery = SelectQueryBuilder<
  Tables & { tm: Tables['topic_members']; c: Tables['conversations']; m: Tables['messages'] },
  'tm' | 'c' | 'm',
  object
>;

const iso = (value: string | Date) => new Date(value).toISOString();

/**
 * The topics as the API reads them: members counted and listed by the range (the time their feedback or answer was
 * given) and the filters of every analytics figure, the agent being the answer's author, else the conversation's.
 */
export class TopicReads {
  constructor(private readonly db: Db) {}

  private members(orgId: number, filters: ResolvedFilters): MemberQuery {
    let query = this.db
      .selectFrom('topic_members as tm')
      .innerJoin('conversations as c', 'c.id', 'tm.conversation_id')
      .leftJoin('messages as m', 'm.id', 'tm.message_id')
      .where('tm.org_id', '=', orgId) as unknown as MemberQuery;
    if (filters.fromUtc) query = query.where('tm.at', '>=', filters.fromUtc);
    if (filters.toUtc) query = query.where('tm.at', '<', filters.toUtc);
    if (filters.channel) query = query.where('c.channel', '=', filters.channel);
    if (filters.agentId) {
      const agentId = filters.agentId;
      query = query.where((eb) =>
        eb.or([
          eb('m.author_id', '=', agentId),
          eb.and([eb('m.author_id', 'is', null), eb('c.agent_id', '=', agentId)]),
        ]),
      );
    }
    if (filterLabels(filters).length > 0) {
      const conversation = sql.ref<number>('tm.conversation_id');
      const answer = messageHasLabels(conversation, sql.ref<number>('tm.message_id'), filters);
      const rating = conversationHasLabels(conversation, filters);
      query = query.where((eb) =>
        eb.or([
          eb.and([eb('tm.message_id', 'is not', null), ...answer]),
          eb.and([eb('tm.message_id', 'is', null), ...rating]),
        ]),
      );
    }
    return query;
  }

  topics(orgId: number) {
    return this.db
      .selectFrom('topics')
      .select(['id', 'label', 'terms', 'position'])
      .where('org_id', '=', orgId)
      .orderBy('position')
      .execute();
  }

  topic(orgId: number, topicId: number) {
    return this.db
      .selectFrom('topics')
      .select(['id', 'label', 'terms', 'position'])
      .where('org_id', '=', orgId)
      .where('id', '=', topicId)
      .executeTakeFirst();
  }

  /** Per topic and polarity, the members in the range. */
  async counts(orgId: number, filters: ResolvedFilters) {
    const rows = await this.members(orgId, filters)
      .select(['tm.topic_id', 'tm.polarity', sql<number>`count(*)`.as('count')])
      .groupBy(['tm.topic_id', 'tm.polarity'])
      .execute();
    return rows.map((row) => ({
      topicId: Number(row.topic_id),
      polarity: row.polarity as TopicPolarity,
      count: Number(row.count),
    }));
  }

  /** When each disliked answer and low rating in the range was given, per topic: the trends. */
  async negativeTimes(orgId: number, filters: ResolvedFilters) {
    const rows = await this.members(orgId, filters)
      .select(['tm.topic_id', 'tm.at'])
      .where('tm.polarity', 'in', ['disliked', 'low'])
      .execute();
    return rows.map((row) => ({ topicId: Number(row.topic_id), at: iso(row.at) }));
  }

  /** The disliked answers closest to each topic's centre, in the range: what the topic is about, by example. */
  async examples(orgId: number, filters: ResolvedFilters, perTopic: number) {
    const ranked = this.members(orgId, filters)
      .select((eb) => [
        'tm.topic_id',
        'tm.at',
        'm.uid as message_uid',
        'm.text',
        'c.id as conversation_id',
        'c.uid as conversation_uid',
        eb.fn
          .agg<number>('row_number', [])
          .over((over) => over.partitionBy('tm.topic_id').orderBy('tm.similarity', 'desc').orderBy('tm.id'))
          .as('rank'),
      ])
      .where('tm.polarity', '=', 'disliked');
    const rows = await this.db
      .selectFrom(ranked.as('ranked'))
      .selectAll()
      .where('rank', '<=', perTopic)
      .orderBy('topic_id')
      .orderBy('rank')
      .execute();
    return rows.map((row) => ({
      topicId: Number(row.topic_id),
      message_uid: row.message_uid!,
      conversation_id: Number(row.conversation_id),
      conversation_uid: row.conversation_uid,
      text: row.text,
      disliked_at: iso(row.at),
    }));
  }

  /** One page of a topic's members in the range, newest first, after the cursor `(at, id)`. */
  async page(
    orgId: number,
    topicId: number,
    filters: ResolvedFilters,
    polarity: TopicPolarity[],
    limit: number,
    after?: { at: string; id: number },
  ) {
    let query = this.members(orgId, filters)
      .leftJoin('ratings as r', 'r.id', 'tm.rating_id')
      .select([
        'tm.id',
        'tm.at',
        'tm.polarity',
        'tm.similarity',
        'm.uid as message_uid',
        'm.text',
        'r.uid as rating_uid',
        'r.comment as rating_comment',
        'c.id as conversation_id',
        'c.uid as conversation_uid',
      ])
      .where('tm.topic_id', '=', topicId)
      .where('tm.polarity', 'in', polarity);
    if (after) query = query.where((eb) => eb(eb.refTuple('tm.at', 'tm.id'), '<', eb.tuple(after.at, after.id)));
    const rows = await query.orderBy('tm.at', 'desc').orderBy('tm.id', 'desc').limit(limit).execute();
    const messageIds = rows.flatMap((row) => (row.message_uid ? [row.message_uid] : []));
    const comments = new Map<string, string[]>();
    if (messageIds.length > 0) {
      const said = await this.db
        .selectFrom('message_feedback_current as f')
        .innerJoin('messages as m', 'm.id', 'f.message_id')
        .select(['m.uid', 'f.comment'])
        .where('f.org_id', '=', orgId)
        .where('m.uid', 'in', messageIds)
        .where('f.comment', 'is not', null)
        .where('f.comment', '!=', '')
        .orderBy('f.created_at', 'desc')
        .execute();
      for (const row of said) comments.set(row.uid, [...(comments.get(row.uid) ?? []), row.comment!]);
    }
    return rows.map((row) => ({
      id: Number(row.id),
      at: iso(row.at),
      polarity: row.polarity as TopicPolarity,
      similarity: Number(row.similarity),
      message_uid: row.message_uid,
      text: row.text,
      rating_uid: row.rating_uid,
      comments: row.message_uid
        ? (comments.get(row.message_uid) ?? [])
        : row.rating_comment
          ? [row.rating_comment]
          : [],
      conversation_id: Number(row.conversation_id),
      conversation_uid: row.conversation_uid,
    }));
  }
}
