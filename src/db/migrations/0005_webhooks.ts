import { sql, type Kysely } from 'kysely';
import { columnTypes, withIdColumn } from './columns.js';

/**
 * Webhooks: the endpoints an organization registers, and a durable outbox of deliveries written in the same
 * transaction as the change they announce, with the log of every attempt to deliver them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await withIdColumn(db, db.schema.createTable('webhooks'))
    .addColumn('uid', t.uuid, (col) => col.notNull().unique())
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('event_types', t.json, (col) => col.notNull())
    .addColumn('filters', t.json, (col) => col.notNull())
    .addColumn('enabled', t.boolean, (col) => col.notNull().defaultTo(sql`true`))
    .addColumn('secret', 'text', (col) => col.notNull())
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .addColumn('updated_at', t.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('webhooks_org_idx').on('webhooks').columns(['org_id', 'created_at', 'id']).execute();

  // One row per event per matching webhook. `uid` is the Standard Webhooks `webhook-id`, the same on every attempt.
  await withIdColumn(db, db.schema.createTable('webhook_deliveries'))
    .addColumn('uid', 'text', (col) => col.notNull().unique())
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('webhook_id', t.bigint, (col) => col.notNull().references('webhooks.id').onDelete('cascade'))
    .addColumn('event_type', 'text', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', t.timestamp, (col) => col.notNull())
    .addColumn('locked_until', t.timestamp)
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .addColumn('completed_at', t.timestamp)
    .execute();
  // The worker's due query reads only pending deliveries, earliest first.
  await db.schema
    .createIndex('webhook_deliveries_due_idx')
    .on('webhook_deliveries')
    .column('next_attempt_at')
    .where(sql.ref('status'), '=', sql`'pending'`)
    .execute();
  // The deliveries of one webhook, newest first (keyset on created_at, id).
  await db.schema
    .createIndex('webhook_deliveries_webhook_idx')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'created_at', 'id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('webhook_attempts'))
    .addColumn('delivery_id', t.bigint, (col) => col.notNull().references('webhook_deliveries.id').onDelete('cascade'))
    .addColumn('attempted_at', t.timestamp, (col) => col.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('duration_ms', 'integer', (col) => col.notNull())
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_attempts_delivery_idx')
    .on('webhook_attempts')
    .columns(['delivery_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_attempts').execute();
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('webhooks').execute();
}
