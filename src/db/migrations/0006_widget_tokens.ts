import type { Kysely } from 'kysely';
import { columnTypes } from './columns.js';

/**
 * Widget tokens: short-lived credentials for one conversation, handed to the embeddable widget on a customer's site.
 * Only the SHA-256 of a token is stored, as with API keys.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('widget_tokens')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('conversation_id', t.bigint, (col) => col.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .addColumn('expires_at', t.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('widget_tokens_conversation_idx').on('widget_tokens').column('conversation_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('widget_tokens').execute();
}
