import type { Kysely } from 'kysely';
import { columnTypes } from './columns.js';

/**
 * Texts of the rating page, the widget, the invite message and the thank-you page, overridden per organization and
 * language: one row per overridden key. A key without a row reads its language's default.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('rating_texts')
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('updated_at', t.timestamp, (col) => col.notNull())
    .addPrimaryKeyConstraint('rating_texts_pkey', ['org_id', 'language', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rating_texts').execute();
}
