import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import { toBoolean } from '../../db/values.js';
import type { Tables } from '../../db/tables.js';
import { conversationHasLabels, distinctLabels, messageHasLabels, type VersionLabel } from '../conversations/index.js';
import type { ResolvedFilters } from './filters.js';
import { LEVEL, RATING_COUNTERS, type FeedbackSnapshot, type RatingCounters, type RatingSnapshot } from './rollups.js';

/** How rollup rows are grouped besides the question code. */
export interface Grouping {
  day?: boolean;
  agent?: boolean;
}

export interface RatingGroupRow extends RatingCounters {
  question_code: string;
  day?: string;
  agent_id?: string;
  agent_type?: string;
}

export interface MessageGroupRow {
  day?: string;
  agent_id?: string;
  agent_type?: string;
  likes: number;
  dislikes: number;
}

const BATCH = 5000;

/** The rollup rows for the filters, at the one level they need: summed over every dimension nobody asked about. */
export function rollupRows<
  T extends
    | 'analytics_rating_days'
    | 'analytics_message_days'
    | 'analytics_rating_version_days'
    | 'analytics_message_version_days',
  O,
>(
  query: SelectQueryBuilder<Tables, T, O>,
  filters: ResolvedFilters,
  grouping: Grouping,
): SelectQueryBuilder<Tables, T, O> {
  return query.where((eb) => {
    // Both rollup tables share these dimension columns.
    const ref = (column: string) => sql.ref<string>(column);
    const byAgent = grouping.agent || filters.agentId || filters.agentType;
    const level = byAgent
      ? filters.channel
        ? LEVEL.detail
        : LEVEL.agent
      : filters.channel
        ? LEVEL.channel
        : LEVEL.total;
    const conditions = [eb(sql.ref<number>('level'), '=', level)];
    if (filters.agentId) conditions.push(eb(ref('agent_id'), '=', filters.agentId));
    if (filters.agentType) conditions.push(eb(ref('agent_type'), '=', filters.agentType));
    if (filters.channel) conditions.push(eb(ref('channel'), '=', filters.channel));
    if (filters.fromDay) conditions.push(eb(ref('day'), '>=', filters.fromDay));
    if (filters.toDay) conditions.push(eb(ref('day'), '<=', filters.toDay));
    return eb.and(conditions);
  });
}

/** SQL for analytics: sums over the rollups, and the record scans behind rebuilds and exact figures. */
export class AnalyticsRepository {
  constructor(private readonly db: Db) {}

  async organizationTimezone(db: Db, orgId: number): Promise<string | undefined> {
    const row = await db.selectFrom('organizations').select('timezone').where('id', '=', orgId).executeTakeFirst();
    return row?.timezone;
  }

  /**
   * Rating rollups summed per question code (and day and/or agent); with `label`, the rollups of that version label
   * (which keep no channel: the caller answers a channel filter with a label exactly instead).
   */
  async ratingGroups(
    orgId: number,
    filters: ResolvedFilters,
    grouping: Grouping,
    label?: VersionLabel,
  ): Promise<RatingGroupRow[]> {
    const keys = [
      'question_code',
      ...(grouping.day ? ['day'] : []),
      ...(grouping.agent ? ['agent_id', 'agent_type'] : []),
    ];
    let query = rollupRows(
      label
        ? this.db
            .selectFrom('analytics_rating_version_days')
            .where('org_id', '=', orgId)
            .where('dimension', '=', label.dimension)
            .where('value', '=', label.value)
        : this.db.selectFrom('analytics_rating_days').where('org_id', '=', orgId),
      filters,
      grouping,
    );
    if (filters.questionCode) query = query.where('question_code', '=', filters.questionCode);
    const rows = await query
      .select(keys as Array<'question_code'>)
      .select((eb) => RATING_COUNTERS.map((name) => eb.fn.sum<number>(name).as(name)))
      .groupBy(keys as Array<'question_code'>)
      .execute();
    return rows.map((row) => {
      const out: Record<string, unknown> = { ...row };
      for (const name of RATING_COUNTERS) out[name] = Number((row as Record<string, unknown>)[name] ?? 0);
      return out as unknown as RatingGroupRow;
    });
  }

  /** Message-feedback rollups summed (per day and/or agent); with `label`, those of that version label. */
  async messageGroups(
    orgId: number,
    filters: ResolvedFilters,
    grouping: Grouping,
    label?: VersionLabel,
  ): Promise<MessageGroupRow[]> {
    const keys = [...(grouping.day ? ['day'] : []), ...(grouping.agent ? ['agent_id', 'agent_type'] : [])];
    let query = rollupRows(
      label
        ? this.db
            .selectFrom('analytics_message_version_days')
            .where('org_id', '=', orgId)
            .where('dimension', '=', label.dimension)
            .where('value', '=', label.value)
        : this.db.selectFrom('analytics_message_days').where('org_id', '=', orgId),
      filters,
      grouping,
    );
    if (keys.length > 0) query = query.select(keys as Array<'day'>).groupBy(keys as Array<'day'>);
    const rows = await query
      .select((eb) => [eb.fn.sum<number>('likes').as('likes'), eb.fn.sum<number>('dislikes').as('dislikes')])
      .execute();
    return rows.map((row) => ({ ...row, likes: Number(row.likes ?? 0), dislikes: Number(row.dislikes ?? 0) }));
  }

  /**
   * Every question of the organization (offered or answered within `[fromUtc, toUtc)` when given), one rating
   * snapshot per question, in batches by id. For rebuilds and for exact figures in another time zone.
   */
  async *questionSnapshots(
    orgId: number,
    filters: SnapshotFilters = {},
    db: Db = this.db,
  ): AsyncGenerator<RatingSnapshot[]> {
    let after = 0;
    for (;;) {
      let query = db
        .selectFrom('rating_questions as q')
        .innerJoin('ratings as r', 'r.id', 'q.rating_id')
        .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
        .select([
          'q.id',
          'q.code',
          'q.kind',
          'q.status',
          'q.value',
          'q.offered_at',
          'q.answered_at',
          'r.conversation_id',
          'r.agent_id',
          'r.agent_type',
          'r.opened_at',
          'r.expiry_recorded',
          'c.channel',
        ])
        .where('q.org_id', '=', orgId)
        .where('q.id', '>', after);
      if (filters.conversationId !== undefined) query = query.where('r.conversation_id', '=', filters.conversationId);
      for (const condition of conversationHasLabels(sql.ref('c.id'), filters)) query = query.where(condition);
      const { fromUtc, toUtc } = filters;
      if (fromUtc && toUtc) {
        query = query.where((eb) =>
          eb.or([
            eb.and([eb('q.offered_at', '>=', fromUtc), eb('q.offered_at', '<', toUtc)]),
            eb.and([eb('q.answered_at', '>=', fromUtc), eb('q.answered_at', '<', toUtc)]),
          ]),
        );
      }
      if (filters.agentId) query = query.where('r.agent_id', '=', filters.agentId);
      if (filters.agentType) query = query.where('r.agent_type', '=', filters.agentType);
      if (filters.channel) query = query.where('c.channel', '=', filters.channel);
      if (filters.questionCode) query = query.where('q.code', '=', filters.questionCode);
      const rows = await query.orderBy('q.id').limit(BATCH).execute();
      if (rows.length === 0) return;
      after = Number(rows[rows.length - 1]!.id);
      yield rows.map((row) => ({
        conversation_id: Number(row.conversation_id),
        agent_id: row.agent_id,
        agent_type: row.agent_type,
        channel: row.channel,
        opened_at: row.opened_at,
        expiry_recorded: toBoolean(row.expiry_recorded),
        questions: [
          {
            code: row.code,
            kind: row.kind,
            status: row.status,
            value: row.value === null ? null : Number(row.value),
            offered_at: row.offered_at,
            answered_at: row.answered_at,
          },
        ],
      }));
      if (rows.length < BATCH) return;
    }
  }

  /**
   * Every author's current feedback on the organization's messages (given within the range when given), in batches.
   * Read through the log's (org_id, created_at, id) index, keeping the records that are still their author's current
   * one: the current-feedback table has no index but its key, so that the hottest write path pays for none.
   */
  async *feedbackSnapshots(
    orgId: number,
    filters: SnapshotFilters = {},
    db: Db = this.db,
  ): AsyncGenerator<FeedbackSnapshot[]> {
    let after: { createdAt: string; id: number } | undefined;
    for (;;) {
      let query = currentFeedback(db, orgId, filters).select([
        'f.id',
        'f.conversation_id',
        'f.message_id',
        'f.created_at',
        'cur.rating',
        'm.role',
        'm.author_id',
        'c.agent_id',
        'c.agent_type',
        'c.channel',
      ]);
      if (after) {
        const { createdAt, id } = after;
        query = query.where((eb) =>
          eb.or([
            eb('f.created_at', '>', createdAt),
            eb.and([eb('f.created_at', '=', createdAt), eb('f.id', '>', id)]),
          ]),
        );
      }
      const rows = await query.orderBy('f.created_at').orderBy('f.id').limit(BATCH).execute();
      if (rows.length === 0) return;
      const last = rows[rows.length - 1]!;
      after = { createdAt: last.created_at, id: Number(last.id) };
      yield rows.map((row) => ({
        conversation_id: Number(row.conversation_id),
        message_id: Number(row.message_id),
        rating: row.rating,
        created_at: row.created_at,
        ...messageAgent(row),
        channel: row.channel,
      }));
      if (rows.length < BATCH) return;
    }
  }

  async clearRollups(db: Db, orgId: number): Promise<void> {
    await db.deleteFrom('analytics_rating_days').where('org_id', '=', orgId).execute();
    await db.deleteFrom('analytics_message_days').where('org_id', '=', orgId).execute();
    await db.deleteFrom('analytics_rating_version_days').where('org_id', '=', orgId).execute();
    await db.deleteFrom('analytics_message_version_days').where('org_id', '=', orgId).execute();
  }

  /**
   * The labels of some conversations and of their messages, for counting records under them: per conversation all
   * its labels, per message its own labels and its conversation's tags.
   */
  async labelsOf(db: Db, conversationIds: number[]) {
    const ofConversation = new Map<number, VersionLabel[]>();
    const ofMessages = new Map<number, VersionLabel[]>();
    const tags = new Map<number, VersionLabel[]>();
    const push = (map: Map<number, VersionLabel[]>, id: number, label: VersionLabel) =>
      map.set(id, [...(map.get(id) ?? []), label]);
    for (let at = 0; at < conversationIds.length; at += 1000) {
      const rows = await db
        .selectFrom('version_labels')
        .select(['conversation_id', 'message_id', 'dimension', 'value'])
        .where('conversation_id', 'in', conversationIds.slice(at, at + 1000))
        .execute();
      for (const row of rows) {
        const conversationId = Number(row.conversation_id);
        const label = { dimension: row.dimension, value: row.value };
        push(ofConversation, conversationId, label);
        if (row.message_id === null) push(tags, conversationId, label);
        else push(ofMessages, Number(row.message_id), label);
      }
    }
    return {
      ofConversation: (id: number) => distinctLabels(ofConversation.get(id) ?? []),
      ofMessage: (conversationId: number, messageId: number) =>
        distinctLabels([...(ofMessages.get(messageId) ?? []), ...(tags.get(conversationId) ?? [])]),
    };
  }

  async organizationIds(): Promise<number[]> {
    const rows = await this.db.selectFrom('organizations').select('id').execute();
    return rows.map((row) => Number(row.id));
  }
}

/** Whom a message's feedback counts for: the message's author, else the conversation's agent. */
export function messageAgent(row: {
  role: string;
  author_id: string | null;
  agent_id: string | null;
  agent_type: string | null;
}): { agent_id: string | null; agent_type: string | null } {
  const agentType = row.role === 'ai' ? 'ai' : row.role === 'agent' ? 'human' : row.agent_type;
  return { agent_id: row.author_id ?? row.agent_id, agent_type: agentType };
}

/** What the record scans take: the filters, or one conversation's records. */
export type SnapshotFilters = Partial<ResolvedFilters> & { conversationId?: number };

/** Log records of the organization that are still their author's current feedback, with a rating, in the range. */
export function currentFeedback(db: Db, orgId: number, filters: SnapshotFilters) {
  let query = db
    .selectFrom('message_feedback as f')
    .innerJoin('message_feedback_current as cur', (join) =>
      join
        .onRef('cur.message_id', '=', 'f.message_id')
        .onRef('cur.user_id', '=', 'f.user_id')
        .onRef('cur.feedback_uid', '=', 'f.uid'),
    )
    .innerJoin('messages as m', 'm.id', 'f.message_id')
    .innerJoin('conversations as c', 'c.id', 'f.conversation_id')
    .where('f.org_id', '=', orgId)
    .where('cur.rating', 'is not', null);
  if (filters.fromUtc) query = query.where('f.created_at', '>=', filters.fromUtc);
  if (filters.toUtc) query = query.where('f.created_at', '<', filters.toUtc);
  if (filters.channel) query = query.where('c.channel', '=', filters.channel);
  if (filters.conversationId !== undefined) query = query.where('f.conversation_id', '=', filters.conversationId);
  for (const condition of messageHasLabels(sql.ref('f.conversation_id'), sql.ref('f.message_id'), filters)) {
    query = query.where(condition);
  }
  return query;
}
