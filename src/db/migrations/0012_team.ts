import { sql, type Kysely } from 'kysely';
import { columnTypes, withIdColumn } from './columns.js';

/**
 * A team with roles: when each user last signed in and whether they were deactivated, and the invitations an admin
 * sends. An invitation's link carries a random token; only its SHA-256 (hex) is stored.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('users').addColumn('last_sign_in_at', t.timestamp).execute();
  await db.schema.alterTable('users').addColumn('deactivated_at', t.timestamp).execute();

  await withIdColumn(db, db.schema.createTable('invitations'))
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('admin', 'agent')`))
    .addColumn('token_hash', 'text', (col) => col.notNull())
    .addColumn('invited_by', t.uuid, (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .addColumn('expires_at', t.timestamp, (col) => col.notNull())
    .addColumn('accepted_at', t.timestamp)
    .addColumn('revoked_at', t.timestamp)
    .execute();
  await db.schema.createIndex('invitations_token_key').unique().on('invitations').column('token_hash').execute();
  await db.schema.createIndex('invitations_org_idx').on('invitations').columns(['org_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('invitations').execute();
  await db.schema.alterTable('users').dropColumn('deactivated_at').execute();
  await db.schema.alterTable('users').dropColumn('last_sign_in_at').execute();
}
