import type { Kysely } from 'kysely';
import { columnTypes } from './columns.js';

/**
 * The widget demo's conversation of each organization that has one (the demo seed makes it): the only conversation
 * `/widget-demo` ever shows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('widget_demo_conversations')
    .addColumn('org_id', t.bigint, (col) => col.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('conversation_id', t.bigint, (col) =>
      col.notNull().unique().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('widget_demo_conversations').execute();
}
