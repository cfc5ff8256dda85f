import { sql, type Kysely } from 'kysely';
import { columnTypes, isPostgres, withIdColumn } from './columns.js';

/**
 * The agents directory: one row per agent (human or AI) an organization names, by the UUID its conversations use, with
 * the name people see. A dashboard user who is also an agent is linked by `users.agent_id`.
 *
 * Backfills the directory with every agent existing conversations name (unnamed, first seen when its first
 * conversation began, its type the one its conversations give), and links each user whose own id conversations name
 * as their agent, which is how a user was recognised as an agent before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await withIdColumn(db, db.schema.createTable('agents'))
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('uid', t.uuid, (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.check(sql`type in ('human', 'ai')`))
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('avatar_url', 'text')
    .addColumn('model', 'text')
    .addColumn('description', 'text')
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .addColumn('updated_at', t.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('agents_org_uid_key').unique().on('agents').columns(['org_id', 'uid']).execute();
  // The directory's list: newest first, per organization.
  await db.schema.createIndex('agents_org_created_idx').on('agents').columns(['org_id', 'created_at', 'id']).execute();

  await db.schema.alterTable('users').addColumn('agent_id', t.uuid).execute();
  // One user per agent, so that an agent's fallback name is one user's.
  await db.schema.createIndex('users_org_agent_key').unique().on('users').columns(['org_id', 'agent_id']).execute();

  const now = new Date().toISOString();
  const stamp = isPostgres(db) ? sql`${now}::timestamptz` : sql`${now}`;
  await sql`insert into agents (org_id, uid, type, name, created_at, updated_at)
    select org_id, agent_id, max(agent_type), null, min(created_at), ${stamp}
    from conversations where agent_id is not null
    group by org_id, agent_id`.execute(db);
  await sql`update users set agent_id = id
    where exists (select 1 from agents a where a.org_id = users.org_id and a.uid = users.id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_org_agent_key').execute();
  await db.schema.alterTable('users').dropColumn('agent_id').execute();
  await db.schema.dropTable('agents').execute();
}
