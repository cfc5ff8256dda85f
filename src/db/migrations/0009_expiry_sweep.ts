import type { Kysely } from 'kysely';

/** The indexes the expiry sweep finds ended widget tokens and dashboard sessions by. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('widget_tokens_expires_idx').on('widget_tokens').column('expires_at').execute();
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();
  await db.schema.createIndex('sessions_last_seen_idx').on('sessions').column('last_seen_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sessions_last_seen_idx').execute();
  await db.schema.dropIndex('sessions_expires_idx').execute();
  await db.schema.dropIndex('widget_tokens_expires_idx').execute();
}
