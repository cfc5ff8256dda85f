import { sql, type Kysely } from 'kysely';
import { columnTypes, withIdColumn } from './columns.js';

/**
 * Message feedback: an append-only log of (message, author, like/dislike/none, comment), and beside it the current
 * feedback of each author on each message — the log's latest record per pair, kept in the same transaction — so that
 * reads and the carry-forward cost the same however long the history grows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await withIdColumn(db, db.schema.createTable('message_feedback'))
    .addColumn('uid', t.uuid, (col) => col.notNull())
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('conversation_id', t.bigint, (col) => col.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('message_id', t.bigint, (col) => col.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('user_id', t.uuid, (col) => col.notNull())
    .addColumn('rating', 'text', (col) => col.check(sql`rating in ('like', 'dislike')`))
    .addColumn('comment', 'text')
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('message_feedback_uid_key').unique().on('message_feedback').column('uid').execute();
  // The history of one message.
  await db.schema
    .createIndex('message_feedback_message_idx')
    .on('message_feedback')
    .columns(['message_id', 'id'])
    .execute();
  await db.schema
    .createIndex('message_feedback_conversation_idx')
    .on('message_feedback')
    .column('conversation_id')
    .execute();
  await db.schema
    .createTable('message_feedback_current')
    .addColumn('message_id', t.bigint, (col) => col.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('user_id', t.uuid, (col) => col.notNull())
    .addColumn('org_id', t.bigint, (col) => col.notNull())
    .addColumn('conversation_id', t.bigint, (col) => col.notNull())
    .addColumn('feedback_uid', t.uuid, (col) => col.notNull())
    .addColumn('rating', 'text')
    .addColumn('comment', 'text')
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .addPrimaryKeyConstraint('message_feedback_current_pkey', ['message_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('message_feedback_current_conversation_idx')
    .on('message_feedback_current')
    .column('conversation_id')
    .execute();
  await db.schema
    .createIndex('message_feedback_org_created_idx')
    .on('message_feedback')
    .columns(['org_id', 'created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('message_feedback_current').execute();
  await db.schema.dropTable('message_feedback').execute();
}
