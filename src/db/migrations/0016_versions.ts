import { sql, type Kysely } from 'kysely';
import { columnTypes, isPostgres } from './columns.js';

/**
 * Versions on AI answers. Each message may name the model and prompt version that wrote it, the trace and span of an
 * LLM tracing tool, and tags; a conversation may carry tags. `version_labels` holds each label once per message (and
 * each conversation tag with no message), so that lists and analytics can filter on them by index; the version
 * rollups count ratings and message feedback per label, as the other rollups count them per agent.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  for (const column of ['model', 'prompt_version', 'trace_id', 'span_id']) {
    await db.schema.alterTable('messages').addColumn(column, 'text').execute();
  }
  // JSON arrays of strings; null without a tag.
  await db.schema.alterTable('messages').addColumn('tags', t.json).execute();
  await db.schema.alterTable('conversations').addColumn('tags', t.json).execute();

  await db.schema
    .createTable('version_labels')
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('conversation_id', t.bigint, (col) => col.notNull().references('conversations.id').onDelete('cascade'))
    // Null for a tag of the conversation itself.
    .addColumn('message_id', t.bigint, (col) => col.references('messages.id').onDelete('cascade'))
    .addColumn('dimension', 'text', (col) => col.notNull())
    .addColumn('value', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('version_labels_value_idx')
    .on('version_labels')
    .columns(['org_id', 'dimension', 'value', 'conversation_id'])
    .execute();
  await db.schema
    .createIndex('version_labels_conversation_idx')
    .on('version_labels')
    .columns(['conversation_id', 'message_id'])
    .execute();
  await db.schema.createIndex('version_labels_message_idx').on('version_labels').column('message_id').execute();

  // The rollups per label, kept over every agent (level 0) and per agent (level 2), as the rollups of 0004 are.
  const clustered = (table: any) => (isPostgres(db) ? table : table.modifyEnd(sql`without rowid`));
  const counter = (name: string) => (table: any) =>
    table.addColumn(name, 'integer', (col: any) => col.notNull().defaultTo(0));
  const dimensions = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('dimension', 'text', (col) => col.notNull())
      .addColumn('value', 'text', (col) => col.notNull())
      .addColumn('level', 'integer', (col) => col.notNull())
      .addColumn('day', 'text', (col) => col.notNull())
      .addColumn('agent_id', 'text', (col) => col.notNull())
      .addColumn('agent_type', 'text', (col) => col.notNull());

  let ratingDays: any = dimensions('analytics_rating_version_days').addColumn('question_code', 'text', (col) =>
    col.notNull(),
  );
  for (const name of ['offered', 'opened', 'answered', 'expired', 'cancelled']) ratingDays = counter(name)(ratingDays);
  for (const name of ['responses', 'value_sum', 'high', 'mid', 'low']) ratingDays = counter(name)(ratingDays);
  await clustered(
    ratingDays.addPrimaryKeyConstraint('analytics_rating_version_days_pkey', [
      'org_id',
      'dimension',
      'value',
      'level',
      'agent_id',
      'agent_type',
      'day',
      'question_code',
    ]),
  ).execute();

  let messageDays: any = dimensions('analytics_message_version_days');
  for (const name of ['likes', 'dislikes']) messageDays = counter(name)(messageDays);
  await clustered(
    messageDays.addPrimaryKeyConstraint('analytics_message_version_days_pkey', [
      'org_id',
      'dimension',
      'value',
      'level',
      'agent_id',
      'agent_type',
      'day',
    ]),
  ).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('analytics_message_version_days').execute();
  await db.schema.dropTable('analytics_rating_version_days').execute();
  await db.schema.dropTable('version_labels').execute();
  await db.schema.alterTable('conversations').dropColumn('tags').execute();
  for (const column of ['tags', 'span_id', 'trace_id', 'prompt_version', 'model']) {
    await db.schema.alterTable('messages').dropColumn(column).execute();
  }
}
