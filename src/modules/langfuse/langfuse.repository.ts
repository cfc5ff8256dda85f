import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { LangfuseConnectionsTable } from './langfuse.table.js';

/** How many of the latest failed attempts a connection's status shows. */
const RECENT_ERRORS = 5;

/** The SQL of Langfuse connections, the records their scores are made of, and their part of the outbox. */
export class LangfuseRepository {
  constructor(private readonly db: Db) {}

  findConnection(orgId: number, db: Db = this.db) {
    return db.selectFrom('langfuse_connections').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  }

  connectionById(id: number) {
    return this.db.selectFrom('langfuse_connections').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertConnection(db: Db, row: Insertable<LangfuseConnectionsTable>): Promise<void> {
    await db.insertInto('langfuse_connections').values(row).execute();
  }

  async updateConnection(db: Db, id: number, changes: Updateable<LangfuseConnectionsTable>): Promise<void> {
    await db.updateTable('langfuse_connections').set(changes).where('id', '=', id).execute();
  }

  /** Deletes the connection; its deliveries and their attempts go with it (foreign keys). */
  async deleteConnection(db: Db, id: number): Promise<void> {
    await db.deleteFrom('langfuse_connections').where('id', '=', id).execute();
  }

  /** The trace and span a message names, if any. */
  messageTrace(db: Db, messageId: number) {
    return db
      .selectFrom('messages')
      .select(['uid', 'trace_id', 'span_id'])
      .where('id', '=', messageId)
      .executeTakeFirst();
  }

  /** Whether the outbox ever held a delivery about this score for this connection (so that Langfuse may have it). */
  async scoreQueued(db: Db, connectionId: number, scoreId: string): Promise<boolean> {
    const row = await db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('connection_id', '=', connectionId)
      .where('target_key', '=', scoreId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The trace of a conversation: that of its latest message naming one. */
  async conversationTrace(db: Db, conversationId: number): Promise<string | undefined> {
    const row = await db
      .selectFrom('messages')
      .select('trace_id')
      .where('conversation_id', '=', conversationId)
      .where('trace_id', 'is not', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.trace_id ?? undefined;
  }

  /** What a rating's scores say besides the answers: its uid, conversation, and comments. */
  async ratingSubject(db: Db, ratingId: number) {
    const rating = await db
      .selectFrom('ratings as r')
      .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
      .select(['r.uid', 'r.comment', 'r.conversation_id', 'c.uid as conversation_uid'])
      .where('r.id', '=', ratingId)
      .executeTakeFirst();
    if (!rating) return undefined;
    const questions = await db
      .selectFrom('rating_questions')
      .select(['code', 'comment'])
      .where('rating_id', '=', ratingId)
      .execute();
    return { ...rating, conversation_id: Number(rating.conversation_id), questions };
  }

  /** The connection's deliveries counted by status, its latest attempt and success, and its latest errors. */
  async deliveryStatus(connectionId: number) {
    const counts = await this.db
      .selectFrom('webhook_deliveries')
      .select(['status', (eb) => eb.fn.countAll().as('count')])
      .where('connection_id', '=', connectionId)
      .groupBy('status')
      .execute();
    const attempts = () =>
      this.db
        .selectFrom('webhook_attempts as a')
        .innerJoin('webhook_deliveries as d', 'd.id', 'a.delivery_id')
        .select(['a.attempted_at', 'a.status_code', 'a.error'])
        .where('d.connection_id', '=', connectionId)
        .orderBy('a.id', 'desc');
    const [last, lastSuccess, errors] = await Promise.all([
      attempts().limit(1).executeTakeFirst(),
      attempts().where('a.error', 'is', null).limit(1).executeTakeFirst(),
      attempts().where('a.error', 'is not', null).limit(RECENT_ERRORS).execute(),
    ]);
    return { counts, last, lastSuccess, errors };
  }
}
