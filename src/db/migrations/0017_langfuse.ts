import { sql, type Kysely } from 'kysely';
import { columnTypes, isPostgres, withIdColumn } from './columns.js';

/**
 * Langfuse connections, and the webhook outbox opened to a second kind of target. An organization may connect one
 * Langfuse project (base URL, public key, the secret key sealed with PLAUDIT_SECRET_KEY). Its scores go through the
 * same outbox as webhook events: a delivery names its `target` (`webhook` or `langfuse`) and, for Langfuse, the
 * connection instead of a webhook; `target_key` names what a delivery is about (a score's id), so that a newer value
 * can set aside an older one not yet sent.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await withIdColumn(db, db.schema.createTable('langfuse_connections'))
    .addColumn('org_id', t.bigint, (col) => col.notNull().unique().references('organizations.id').onDelete('cascade'))
    .addColumn('base_url', 'text', (col) => col.notNull())
    .addColumn('public_key', 'text', (col) => col.notNull())
    // `v1.` + base64url(iv | tag | ciphertext), AES-256-GCM; never leaves the server.
    .addColumn('secret_sealed', 'text', (col) => col.notNull())
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .addColumn('updated_at', t.timestamp, (col) => col.notNull())
    .execute();

  if (isPostgres(db)) {
    await sql`alter table webhook_deliveries alter column webhook_id drop not null`.execute(db);
    await db.schema
      .alterTable('webhook_deliveries')
      .addColumn('target', 'text', (col) => col.notNull().defaultTo('webhook'))
      .execute();
    await db.schema
      .alterTable('webhook_deliveries')
      .addColumn('connection_id', 'bigint', (col) => col.references('langfuse_connections.id').onDelete('cascade'))
      .execute();
    await db.schema.alterTable('webhook_deliveries').addColumn('target_key', 'text').execute();
  } else {
    // SQLite cannot drop a NOT NULL: the table is rebuilt, with foreign keys off so that dropping the old table
    // neither cascades to the attempt log nor trips its references (SQLite's documented procedure).
    await sql`pragma foreign_keys = off`.execute(db);
    try {
      await sql`create table webhook_deliveries_next (
        id integer primary key autoincrement,
        uid text not null unique,
        org_id integer not null references organizations (id) on delete cascade,
        webhook_id integer references webhooks (id) on delete cascade,
        event_type text not null,
        payload text not null,
        status text not null,
        attempts integer default 0 not null,
        next_attempt_at text not null,
        locked_until text,
        last_status_code integer,
        last_error text,
        created_at text not null,
        completed_at text,
        target text default 'webhook' not null,
        connection_id integer references langfuse_connections (id) on delete cascade,
        target_key text
      )`.execute(db);
      await sql`insert into webhook_deliveries_next (id, uid, org_id, webhook_id, event_type, payload, status, attempts,
          next_attempt_at, locked_until, last_status_code, last_error, created_at, completed_at)
        select id, uid, org_id, webhook_id, event_type, payload, status, attempts, next_attempt_at, locked_until,
          last_status_code, last_error, created_at, completed_at from webhook_deliveries`.execute(db);
      await sql`drop table webhook_deliveries`.execute(db);
      await sql`alter table webhook_deliveries_next rename to webhook_deliveries`.execute(db);
      const problems = await sql`pragma foreign_key_check`.execute(db);
      if (problems.rows.length > 0) throw new Error('webhook_deliveries: foreign keys broken by the rebuild');
    } finally {
      await sql`pragma foreign_keys = on`.execute(db);
    }
    await db.schema
      .createIndex('webhook_deliveries_due_idx')
      .on('webhook_deliveries')
      .column('next_attempt_at')
      .where(sql.ref('status'), '=', sql`'pending'`)
      .execute();
    await db.schema
      .createIndex('webhook_deliveries_webhook_idx')
      .on('webhook_deliveries')
      .columns(['webhook_id', 'created_at', 'id'])
      .execute();
  }
  // A connection's deliveries, newest first (its status page), and the pending ones of one score.
  await db.schema
    .createIndex('webhook_deliveries_connection_idx')
    .on('webhook_deliveries')
    .columns(['connection_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_target_key_idx')
    .on('webhook_deliveries')
    .columns(['connection_id', 'target_key'])
    .where(sql.ref('status'), '=', sql`'pending'`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('webhook_deliveries').where('target', '<>', 'webhook').execute();
  await db.schema.dropIndex('webhook_deliveries_target_key_idx').execute();
  await db.schema.dropIndex('webhook_deliveries_connection_idx').execute();
  // SQLite cannot drop a column that holds a reference: there the columns and the connections table stay, unused.
  if (!isPostgres(db)) return;
  for (const column of ['target_key', 'connection_id', 'target']) {
    await db.schema.alterTable('webhook_deliveries').dropColumn(column).execute();
  }
  await db.schema.dropTable('langfuse_connections').execute();
}
