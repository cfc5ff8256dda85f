import { sql, type Kysely } from 'kysely';
import { columnTypes, isPostgres } from './columns.js';

/**
 * Insights: per-organization daily rollups of ratings and message feedback, kept in the same transaction as each
 * change so that analytics read a few hundred rows instead of every rating; the organization's reporting time zone
 * that decides which day a rollup row is; the marker the expiry sweep leaves on ratings it has counted; and
 * dashboard sessions.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .alterTable('organizations')
    .addColumn('timezone', 'text', (col) => col.notNull().defaultTo('UTC'))
    .execute();

  await db.schema
    .alterTable('ratings')
    .addColumn('expiry_recorded', t.boolean, (col) => col.notNull().defaultTo(sql`false`))
    .execute();
  // The expiry sweep looks for expired ratings it has not counted yet.
  await db.schema
    .createIndex('ratings_expiry_sweep_idx')
    .on('ratings')
    .column('expires_at')
    .where(sql.ref('expiry_recorded'), '=', sql`false`)
    .execute();

  const counter = (name: string) => (table: any) =>
    table.addColumn(name, t.bigint, (col: any) => col.notNull().defaultTo(0));

  // Questions counted on two days: the funnel (offered, opened, answered, expired, cancelled) on the day the question
  // was offered, the scores (responses, sum, high/mid/low) on the day it was answered. `agent_id`, `agent_type` and
  // `channel` are '' when unknown, so that they can be part of the key. Each day is kept at four levels: 0 the total
  // over every agent and channel, 1 per channel, 2 per agent, 3 per agent and channel; a dimension a level sums over
  // reads '*'. A query reads the one level its filters need, and the key leads with the level, so that level lies
  // together; on SQLite the rows are stored in key order (WITHOUT ROWID).
  const clustered = (table: any) => (isPostgres(db) ? table : table.modifyEnd(sql`without rowid`));
  let ratingDays: any = db.schema
    .createTable('analytics_rating_days')
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('level', 'integer', (col) => col.notNull())
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('agent_id', 'text', (col) => col.notNull())
    .addColumn('agent_type', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('question_code', 'text', (col) => col.notNull());
  for (const name of [
    'offered',
    'opened',
    'answered',
    'expired',
    'cancelled',
    'responses',
    'value_sum',
    'high',
    'mid',
    'low',
  ]) {
    ratingDays = counter(name)(ratingDays);
  }
  await clustered(
    ratingDays.addPrimaryKeyConstraint('analytics_rating_days_pkey', [
      'org_id',
      'level',
      'agent_id',
      'agent_type',
      'channel',
      'day',
      'question_code',
    ]),
  ).execute();

  // The current like or dislike of each author on each message, counted on the day it was given.
  let messageDays: any = db.schema
    .createTable('analytics_message_days')
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('level', 'integer', (col) => col.notNull())
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('agent_id', 'text', (col) => col.notNull())
    .addColumn('agent_type', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull());
  for (const name of ['likes', 'dislikes']) messageDays = counter(name)(messageDays);
  await clustered(
    messageDays.addPrimaryKeyConstraint('analytics_message_days_pkey', [
      'org_id',
      'level',
      'agent_id',
      'agent_type',
      'channel',
      'day',
    ]),
  ).execute();

  // Knowledge gaps and exports: answered questions by time.
  await db.schema
    .createIndex('rating_questions_org_answered_idx')
    .on('rating_questions')
    .columns(['org_id', 'answered_at'])
    .execute();

  // Rebuilds and exact figures walk an organization's questions in key order, in batches. (Current feedback is
  // reached through the log's (org_id, created_at, id) index instead: every index on message_feedback_current costs
  // the hottest write path.)
  await db.schema.createIndex('rating_questions_org_id_idx').on('rating_questions').columns(['org_id', 'id']).execute();

  // Dashboard sessions. The cookie carries a random token; only its SHA-256 is stored.
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', t.uuid, (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (col) => col.notNull())
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .addColumn('last_seen_at', t.timestamp, (col) => col.notNull())
    .addColumn('expires_at', t.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sessions').execute();
  await db.schema.dropIndex('rating_questions_org_id_idx').execute();
  await db.schema.dropIndex('rating_questions_org_answered_idx').execute();
  await db.schema.dropTable('analytics_message_days').execute();
  await db.schema.dropTable('analytics_rating_days').execute();
  await db.schema.dropIndex('ratings_expiry_sweep_idx').execute();
  await db.schema.alterTable('ratings').dropColumn('expiry_recorded').execute();
  await db.schema.alterTable('organizations').dropColumn('timezone').execute();
}
