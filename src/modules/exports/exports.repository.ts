import { setImmediate as nextTurn } from 'node:timers/promises';
import { CompiledQuery, sql, type Expression, type SqlBool } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import { agentNameSql, authorNameSql } from '../agents/index.js';
import type { ResolvedFilters } from '../analytics/index.js';
import { conversationHasLabels, messageHasLabels } from '../conversations/index.js';
import type { ConversationConditions, ConversationFilter } from '../inbox/index.js';

/** Rows a PostgreSQL cursor hands over per FETCH. */
const POSTGRES_FETCH_ROWS = 2000;
/**
 * SQLite reads ids in windows. Each query runs synchronously on the one shared connection, so other requests wait for
 * it: the window is sized to take about this long, whatever the rows cost (the conversations export runs seven
 * subqueries a row) and however many ids the filters skip.
 */
const SQLITE_QUERY_MS = 8;
const SQLITE_WINDOW = { first: 512, min: 64, max: 2048 };

/** One row per conversation: the conversation, its latest rating, and the message-feedback totals. */
export interface ConversationExportRow {
  key: number;
  uid: string;
  external_id: string | null;
  channel: string | null;
  status: string;
  contact_name: string | null;
  agent_id: string | null;
  agent_type: string | null;
  agent_name: string | null;
  language: string | null;
  created_at: string;
  closed_at: string | null;
  rating_uid: string | null;
  rating_status: string | null;
  rating_expires_at: string | null;
  rating_comment: string | null;
  rating_offered_at: string | null;
  rating_opened_at: string | null;
  rating_submitted_at: string | null;
  stars: number | null;
  nps: number | null;
  helpful_thumbs: number | null;
  experience_thumbs: number | null;
  likes: number | string | null;
  dislikes: number | string | null;
  comments: number | string | null;
  tags: unknown;
}

/** One row per rating question, with its survey and conversation. */
export interface RatingExportRow {
  key: number;
  rating_uid: string;
  rating_status: string;
  conversation_id: number;
  conversation_uid: string;
  channel: string | null;
  contact_name: string | null;
  agent_id: string | null;
  agent_type: string | null;
  agent_name: string | null;
  source: string;
  expires_at: string | null;
  code: string;
  kind: string;
  status: string;
  required: boolean | number;
  value: number | null;
  comment: string | null;
  offered_at: string;
  answered_at: string | null;
  rating_cancelled_at: string | null;
  question_version: number | string | null;
  choices: string | null;
  reasons: string | null;
  answer_text: string | null;
}

/** One row per record of the message-feedback log, with its message and conversation. */
export interface FeedbackExportRow {
  key: number;
  uid: string;
  message_uid: string;
  message_role: string;
  conversation_id: number;
  conversation_uid: string;
  channel: string | null;
  contact_name: string | null;
  agent_id: string | null;
  agent_type: string | null;
  agent_name: string | null;
  user_id: string;
  author_name: string | null;
  rating: string | null;
  comment: string | null;
  created_at: string;
  model: string | null;
  prompt_version: string | null;
  trace_id: string | null;
  span_id: string | null;
  tags: unknown;
}

/** What an export holds: rows of the conversations `conversations` keeps, narrowed by the rows' own `records` filters. */
export interface ExportFilters {
  records: ResolvedFilters;
  conversations: ConversationFilter;
}

/** The ids one SQLite query reads: `after < id <= upTo`. */
interface IdWindow {
  after: number;
  upTo: number;
}

/**
 * An export's query: built whole for a PostgreSQL cursor, or for one id window at a time on SQLite. `key` is the
 * integer primary key the rows are ordered by; `table` is where it lives.
 */
interface RowQuery<Row> {
  table: 'conversations' | 'rating_questions' | 'message_feedback';
  build(window?: IdWindow): CompiledQuery<Row>;
}

/** Lends one pooled connection until `release` is called: Kysely only lends one for the length of a callback. */
async function leaseConnection(db: Db): Promise<{ db: Db; release(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    let release!: () => void;
    const released = new Promise<void>((done) => (release = done));
    let leased = false;
    const held = db.connection().execute(async (connection) => {
      leased = true;
      resolve({
        db: connection,
        release: async () => {
          release();
          await held;
        },
      });
      await released;
    });
    held.catch((error: unknown) => {
      if (!leased) reject(error);
    });
  });
}

/**
 * SQL for exports: three queries, each bound to one organization and ordered by an integer primary key, and the two
 * ways of reading them without holding the result in memory (a PostgreSQL cursor, SQLite id windows).
 */
export class ExportsRepository {
  private readonly db: Db;
  private readonly dialect: Dialect;

  constructor(
    db: Db,
    dialect: Dialect,
    private readonly conditions: ConversationConditions,
  ) {
    this.db = db;
    this.dialect = dialect;
  }

  /**
   * `column = orgId`. On SQLite the column is written `+column`, SQLite's way of keeping a term from choosing an index:
   * without statistics its planner would read the organization's whole index and sort it for every window, instead of
   * the window's range of the primary key.
   */
  private ownedBy(column: string, orgId: number): Expression<SqlBool> {
    return this.dialect === 'sqlite'
      ? sql<SqlBool>`+${sql.ref(column)} = ${orgId}`
      : sql<SqlBool>`${sql.ref(column)} = ${orgId}`;
  }

  /** Conversations created in the range, each with its latest rating (the newest survey) and feedback totals. */
  conversations(orgId: number, { records: filters, conversations }: ExportFilters): RowQuery<ConversationExportRow> {
    const build = (window?: IdWindow) => {
      let query = this.db
        .selectFrom('conversations as c')
        .leftJoin('ratings as r', (join) =>
          join.on((eb) =>
            eb(
              'r.id',
              '=',
              eb
                .selectFrom('ratings as latest')
                .select((latest) => latest.fn.max('latest.id').as('id'))
                .whereRef('latest.conversation_id', '=', 'c.id'),
            ),
          ),
        )
        .select((eb) => {
          const question = () =>
            eb.selectFrom('rating_questions as q').select('q.value').whereRef('q.rating_id', '=', 'r.id');
          const current = () =>
            eb
              .selectFrom('message_feedback_current as f')
              .select(eb.fn.countAll().as('n'))
              .whereRef('f.conversation_id', '=', 'c.id');
          return [
            'c.id as key',
            'c.uid',
            'c.external_id',
            'c.channel',
            'c.status',
            'c.contact_name',
            'c.agent_id',
            'c.agent_type',
            agentNameSql('c.org_id', 'c.agent_id').as('agent_name'),
            'c.language',
            'c.created_at',
            'c.closed_at',
            'r.uid as rating_uid',
            'r.status as rating_status',
            'r.expires_at as rating_expires_at',
            'r.comment as rating_comment',
            'r.offered_at as rating_offered_at',
            'r.opened_at as rating_opened_at',
            'r.submitted_at as rating_submitted_at',
            question().where('q.kind', '=', 'stars').orderBy('q.position').limit(1).as('stars'),
            question().where('q.code', '=', 'NPS').as('nps'),
            question().where('q.code', '=', 'HELPFUL_THUMBS').as('helpful_thumbs'),
            question().where('q.code', '=', 'EXPERIENCE_THUMBS').as('experience_thumbs'),
            current().where('f.rating', '=', 'like').as('likes'),
            current().where('f.rating', '=', 'dislike').as('dislikes'),
            current().where('f.comment', 'is not', null).where('f.comment', '!=', '').as('comments'),
            'c.tags',
          ];
        })
        .where(this.ownedBy('c.org_id', orgId));
      for (const condition of this.conditions.all(conversations)) query = query.where(condition);
      if (filters.fromUtc) query = query.where('c.created_at', '>=', filters.fromUtc);
      if (filters.toUtc) query = query.where('c.created_at', '<', filters.toUtc);
      if (filters.agentId) query = query.where('c.agent_id', '=', filters.agentId);
      if (filters.agentType) query = query.where('c.agent_type', '=', filters.agentType);
      if (filters.channel) query = query.where('c.channel', '=', filters.channel);
      for (const condition of conversationHasLabels(sql.ref('c.id'), filters)) query = query.where(condition);
      const { questionCode } = filters;
      if (questionCode) {
        query = query.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('rating_questions as asked')
              .select('asked.id')
              .whereRef('asked.rating_id', '=', 'r.id')
              .where('asked.code', '=', questionCode),
          ),
        );
      }
      if (window) query = query.where('c.id', '>', window.after).where('c.id', '<=', window.upTo);
      return query.orderBy('c.id').compile() as CompiledQuery<ConversationExportRow>;
    };
    return { table: 'conversations', build };
  }

  /** Rating questions offered in the range, with their survey and conversation. */
  ratings(orgId: number, { records: filters, conversations }: ExportFilters): RowQuery<RatingExportRow> {
    const build = (window?: IdWindow) => {
      let query = this.db
        .selectFrom('rating_questions as q')
        .innerJoin('ratings as r', 'r.id', 'q.rating_id')
        .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
        .select([
          'q.id as key',
          'r.uid as rating_uid',
          'r.status as rating_status',
          'c.id as conversation_id',
          'c.uid as conversation_uid',
          'c.channel',
          'c.contact_name',
          'r.agent_id',
          'r.agent_type',
          agentNameSql('r.org_id', 'r.agent_id').as('agent_name'),
          'r.source',
          'r.expires_at',
          'q.code',
          'q.kind',
          'q.status',
          'q.value',
          'q.comment',
          'q.offered_at',
          'q.answered_at',
          'q.required',
          'r.cancelled_at as rating_cancelled_at',
          'q.question_version',
          'q.choices',
          'q.reasons',
          'q.answer_text',
        ])
        .where(this.ownedBy('q.org_id', orgId));
      for (const condition of this.conditions.all(conversations)) query = query.where(condition);
      if (filters.fromUtc) query = query.where('q.offered_at', '>=', filters.fromUtc);
      if (filters.toUtc) query = query.where('q.offered_at', '<', filters.toUtc);
      if (filters.agentId) query = query.where('r.agent_id', '=', filters.agentId);
      if (filters.agentType) query = query.where('r.agent_type', '=', filters.agentType);
      if (filters.channel) query = query.where('c.channel', '=', filters.channel);
      if (filters.questionCode) query = query.where('q.code', '=', filters.questionCode);
      for (const condition of conversationHasLabels(sql.ref('c.id'), filters)) query = query.where(condition);
      if (window) query = query.where('q.id', '>', window.after).where('q.id', '<=', window.upTo);
      return query.orderBy('q.id').compile() as CompiledQuery<RatingExportRow>;
    };
    return { table: 'rating_questions', build };
  }

  /**
   * Records of the message-feedback log created in the range. The agent is whom analytics counts the feedback for: the
   * message's author, else the conversation's agent; its type follows the message's role (`ai`, `agent` = human), else
   * the conversation's. Question codes do not apply to message feedback.
   */
  feedback(orgId: number, { records: filters, conversations }: ExportFilters): RowQuery<FeedbackExportRow> {
    const build = (window?: IdWindow) => {
      const agentId = sql<string | null>`coalesce(m.author_id, c.agent_id)`;
      const agentType = sql<
        string | null
      >`case m.role when 'ai' then 'ai' when 'agent' then 'human' else c.agent_type end`;
      let query = this.db
        .selectFrom('message_feedback as f')
        .innerJoin('messages as m', 'm.id', 'f.message_id')
        .innerJoin('conversations as c', 'c.id', 'f.conversation_id')
        .select([
          'f.id as key',
          'f.uid',
          'm.uid as message_uid',
          'm.role as message_role',
          'c.id as conversation_id',
          'c.uid as conversation_uid',
          'c.channel',
          'c.contact_name',
          agentId.as('agent_id'),
          agentType.as('agent_type'),
          agentNameSql('c.org_id', agentId).as('agent_name'),
          'f.user_id',
          authorNameSql('f.org_id', 'f.user_id', 'f.conversation_id').as('author_name'),
          'f.rating',
          'f.comment',
          'f.created_at',
          'm.model',
          'm.prompt_version',
          'm.trace_id',
          'm.span_id',
          'm.tags',
        ])
        .where(this.ownedBy('f.org_id', orgId));
      for (const condition of this.conditions.all(conversations)) query = query.where(condition);
      if (filters.fromUtc) query = query.where('f.created_at', '>=', filters.fromUtc);
      if (filters.toUtc) query = query.where('f.created_at', '<', filters.toUtc);
      if (filters.agentId) query = query.where(agentId, '=', filters.agentId);
      if (filters.agentType) query = query.where(agentType, '=', filters.agentType);
      if (filters.channel) query = query.where('c.channel', '=', filters.channel);
      const labels = messageHasLabels(sql.ref('f.conversation_id'), sql.ref('f.message_id'), filters);
      for (const condition of labels) query = query.where(condition);
      if (window) query = query.where('f.id', '>', window.after).where('f.id', '<=', window.upTo);
      return query.orderBy('f.id').compile() as CompiledQuery<FeedbackExportRow>;
    };
    return { table: 'message_feedback', build };
  }

  /**
   * The query's rows in order, a batch at a time, never more than one batch in memory. PostgreSQL: one server-side
   * cursor in a read-only REPEATABLE READ transaction, so the export is one snapshot. SQLite: consecutive windows of
   * the primary key up to the largest id when the export began; the shared connection is free between two windows.
   * Stopping the iteration (the client went away) ends the transaction and releases the connection.
   */
  batches<Row>(query: RowQuery<Row>): AsyncGenerator<Row[], void, undefined> {
    return this.dialect === 'postgres' ? this.cursorBatches(query.build()) : this.windowBatches(query);
  }

  private async *cursorBatches<Row>(query: CompiledQuery<Row>): AsyncGenerator<Row[], void, undefined> {
    const lease = await leaseConnection(this.db);
    let inTransaction = false;
    try {
      await lease.db.executeQuery(CompiledQuery.raw('begin isolation level repeatable read read only'));
      inTransaction = true;
      await lease.db.executeQuery(
        CompiledQuery.raw(`declare plaudit_export no scroll cursor for ${query.sql}`, [...query.parameters]),
      );
      const fetch = CompiledQuery.raw(`fetch ${POSTGRES_FETCH_ROWS} from plaudit_export`);
      for (;;) {
        const { rows } = await lease.db.executeQuery<Row>(fetch);
        if (rows.length > 0) yield rows;
        if (rows.length < POSTGRES_FETCH_ROWS) break;
      }
      await lease.db.executeQuery(CompiledQuery.raw('commit'));
      inTransaction = false;
    } finally {
      if (inTransaction) await lease.db.executeQuery(CompiledQuery.raw('rollback')).catch(() => undefined);
      await lease.release();
    }
  }

  private async *windowBatches<Row>(query: RowQuery<Row>): AsyncGenerator<Row[], void, undefined> {
    const bounds = await this.db
      .selectFrom(query.table)
      .select((eb) => [eb.fn.min('id').as('first'), eb.fn.max('id').as('last')])
      .executeTakeFirst();
    if (!bounds || bounds.first === null || bounds.last === null) return;
    const last = Number(bounds.last);
    let size = SQLITE_WINDOW.first;
    for (let after = Number(bounds.first) - 1; after < last;) {
      // better-sqlite3 answers synchronously, and a socket that keeps accepting writes answers synchronously too: without
      // a turn of the event loop between two windows, the export would run to its end before any other request is read.
      if (after >= Number(bounds.first)) await nextTurn();
      const upTo = Math.min(after + size, last);
      const started = performance.now();
      const { rows } = await this.db.executeQuery(query.build({ after, upTo }));
      const elapsed = Math.max(performance.now() - started, 0.1);
      // Toward the time budget, at most doubling at a step.
      size = Math.round(
        Math.min(SQLITE_WINDOW.max, Math.max(SQLITE_WINDOW.min, size * Math.min(2, SQLITE_QUERY_MS / elapsed))),
      );
      after = upTo;
      if (rows.length > 0) yield rows;
    }
  }
}
