import { sql, type Kysely } from 'kysely';
import { columnTypes, withIdColumn } from './columns.js';

/** Organizations, users, API keys, conversations, messages and the audit log. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await withIdColumn(db, db.schema.createTable('organizations'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', t.uuid, (col) => col.primaryKey())
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('name', 'text')
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('admin', 'agent')`))
    .addColumn('password_hash', 'text')
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .execute();
  // Sign-in is by email alone, so an address names one user across the whole installation.
  await db.schema.createIndex('users_email_key').unique().on('users').column('email').execute();
  await db.schema.createIndex('users_org_idx').on('users').column('org_id').execute();

  await withIdColumn(db, db.schema.createTable('api_keys'))
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('user_id', t.uuid, (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text')
    .addColumn('key_prefix', 'text', (col) => col.notNull())
    .addColumn('key_hash', 'text', (col) => col.notNull())
    .addColumn('scopes', 'text', (col) => col.notNull())
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .addColumn('last_used_at', t.timestamp)
    .addColumn('revoked_at', t.timestamp)
    .execute();
  await db.schema.createIndex('api_keys_hash_key').unique().on('api_keys').column('key_hash').execute();
  await db.schema.createIndex('api_keys_org_idx').on('api_keys').column('org_id').execute();

  await withIdColumn(db, db.schema.createTable('conversations'))
    .addColumn('uid', t.uuid, (col) => col.notNull())
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('external_id', 'text')
    .addColumn('channel', 'text')
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('contact_id', t.uuid, (col) => col.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('agent_id', t.uuid)
    .addColumn('agent_type', 'text', (col) => col.check(sql`agent_type in ('human', 'ai')`))
    .addColumn('language', 'text')
    .addColumn('metadata', t.json, (col) => col.notNull())
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .addColumn('updated_at', t.timestamp, (col) => col.notNull())
    .addColumn('closed_at', t.timestamp)
    .addColumn('anonymized_at', t.timestamp)
    .execute();
  await db.schema.createIndex('conversations_uid_key').unique().on('conversations').column('uid').execute();
  await db.schema
    .createIndex('conversations_external_id_key')
    .unique()
    .on('conversations')
    .columns(['org_id', 'external_id'])
    .execute();
  await db.schema
    .createIndex('conversations_org_created_idx')
    .on('conversations')
    .columns(['org_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('conversations_org_contact_idx')
    .on('conversations')
    .columns(['org_id', 'contact_id'])
    .execute();
  await db.schema
    .createIndex('conversations_org_agent_idx')
    .on('conversations')
    .columns(['org_id', 'agent_id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('messages'))
    .addColumn('uid', t.uuid, (col) => col.notNull())
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('conversation_id', t.bigint, (col) => col.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('user', 'agent', 'ai', 'system')`))
    .addColumn('text', 'text')
    .addColumn('author_id', t.uuid)
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('messages_uid_key').unique().on('messages').column('uid').execute();
  await db.schema
    .createIndex('messages_conversation_idx')
    .on('messages')
    .columns(['conversation_id', 'created_at', 'id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('audit_log'))
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('actor_user_id', t.uuid)
    .addColumn('actor_key_id', t.bigint)
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('subject_type', 'text', (col) => col.notNull())
    .addColumn('subject_id', 'text', (col) => col.notNull())
    .addColumn('details', t.json, (col) => col.notNull())
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('audit_log_org_idx').on('audit_log').columns(['org_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_log', 'messages', 'conversations', 'api_keys', 'users', 'organizations']) {
    await db.schema.dropTable(table).execute();
  }
}
