import type { Kysely } from 'kysely';
import { columnTypes, withIdColumn } from './columns.js';

/**
 * Topics of the disliked AI answers and low-rated AI conversations: the last computation per organization, its
 * topics, and which answers and ratings each holds (with the time their feedback or answer was given, so that a range
 * counts them as analytics does). A computation replaces the organization's topics whole.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('topic_runs')
    .addColumn('org_id', t.bigint, (col) => col.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('computed_at', t.timestamp, (col) => col.notNull())
    .addColumn('inputs_up_to', t.timestamp)
    .addColumn('documents', 'integer', (col) => col.notNull())
    .addColumn('duration_ms', 'integer', (col) => col.notNull())
    .execute();

  await withIdColumn(db, db.schema.createTable('topics'))
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('terms', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('topics_org_idx').on('topics').columns(['org_id', 'position']).execute();

  await withIdColumn(db, db.schema.createTable('topic_members'))
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('topic_id', t.bigint, (col) => col.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('conversation_id', t.bigint, (col) => col.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('message_id', t.bigint, (col) => col.references('messages.id').onDelete('cascade'))
    .addColumn('rating_id', t.bigint, (col) => col.references('ratings.id').onDelete('cascade'))
    // 'disliked' | 'liked' (an answer), 'low' | 'high' (a rating); the liked and high ones are assigned to the
    // topics the others made, for the topic's dislike rate.
    .addColumn('polarity', 'text', (col) => col.notNull())
    .addColumn('at', t.timestamp, (col) => col.notNull())
    .addColumn('similarity', 'real', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('topic_members_topic_idx').on('topic_members').columns(['topic_id', 'at']).execute();
  await db.schema.createIndex('topic_members_org_idx').on('topic_members').columns(['org_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('topic_members').execute();
  await db.schema.dropTable('topics').execute();
  await db.schema.dropTable('topic_runs').execute();
}
