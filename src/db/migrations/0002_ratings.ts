import { sql, type Kysely } from 'kysely';
import { columnTypes, withIdColumn } from './columns.js';

/** Rating settings per organization; ratings (one survey of one conversation) and their questions. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('rating_settings')
    .addColumn('org_id', t.bigint, (col) => col.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('conv_rating_active', t.boolean, (col) => col.notNull())
    .addColumn('conv_rating_popup_active', t.boolean, (col) => col.notNull())
    .addColumn('question_codes', t.json, (col) => col.notNull())
    .addColumn('invite_message', 'text')
    .addColumn('review_link', 'text')
    .addColumn('redirect_policy', 'text', (col) =>
      col.notNull().check(sql`redirect_policy in ('high_ratings', 'everyone', 'off')`),
    )
    .addColumn('redirect_min_stars', 'integer', (col) => col.notNull())
    .addColumn('invite_expiry_hours', 'integer', (col) => col.notNull())
    .addColumn('language', 'text')
    .addColumn('brand_name', 'text')
    .addColumn('logo_url', 'text')
    .addColumn('primary_color', 'text')
    .addColumn('updated_at', t.timestamp, (col) => col.notNull())
    .execute();

  await withIdColumn(db, db.schema.createTable('ratings'))
    .addColumn('uid', t.uuid, (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('conversation_id', t.bigint, (col) => col.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('source', 'text', (col) => col.notNull().check(sql`source in ('invite', 'offer', 'api', 'popup')`))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('offered', 'partially_rated', 'rated', 'cancelled')`),
    )
    .addColumn('contact_id', t.uuid, (col) => col.notNull())
    .addColumn('agent_id', t.uuid)
    .addColumn('agent_type', 'text')
    .addColumn('language', 'text')
    .addColumn('comment', 'text')
    .addColumn('expires_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .addColumn('updated_at', t.timestamp, (col) => col.notNull())
    .addColumn('offered_at', t.timestamp, (col) => col.notNull())
    .addColumn('opened_at', t.timestamp)
    .addColumn('submitted_at', t.timestamp)
    .addColumn('cancelled_at', t.timestamp)
    .execute();
  await db.schema.createIndex('ratings_uid_key').unique().on('ratings').column('uid').execute();
  await db.schema.createIndex('ratings_code_key').unique().on('ratings').column('code').execute();
  await db.schema
    .createIndex('ratings_org_created_idx')
    .on('ratings')
    .columns(['org_id', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('ratings_conversation_idx').on('ratings').columns(['conversation_id', 'id']).execute();
  await db.schema.createIndex('ratings_org_agent_idx').on('ratings').columns(['org_id', 'agent_id']).execute();

  await withIdColumn(db, db.schema.createTable('rating_questions'))
    .addColumn('rating_id', t.bigint, (col) => col.notNull().references('ratings.id').onDelete('cascade'))
    .addColumn('org_id', t.bigint, (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('stars', 'nps', 'thumbs')`))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('Offered', 'Rated', 'Cancelled')`))
    .addColumn('value', 'integer')
    .addColumn('comment', 'text')
    .addColumn('offered_at', t.timestamp, (col) => col.notNull())
    .addColumn('answered_at', t.timestamp)
    .addColumn('updated_at', t.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('rating_questions_rating_code_key')
    .unique()
    .on('rating_questions')
    .columns(['rating_id', 'code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['rating_questions', 'ratings', 'rating_settings']) await db.schema.dropTable(table).execute();
}
