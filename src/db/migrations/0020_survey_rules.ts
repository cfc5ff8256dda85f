import { sql, type Kysely } from 'kysely';
import { columnTypes } from './columns.js';

/**
 * Who is asked, and when: one row of rules per organization (none until an admin saves them: the rules are off), and
 * on each rating the time its one reminder falls due and the time it was sent.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('survey_rules')
    .addColumn('org_id', t.bigint, (col) => col.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('enabled', t.boolean, (col) => col.notNull())
    // JSON arrays; empty: every channel, every agent type.
    .addColumn('channels', t.json, (col) => col.notNull())
    .addColumn('agent_types', t.json, (col) => col.notNull())
    .addColumn('min_contact_messages', 'integer', (col) => col.notNull())
    .addColumn('sample_percent', 'integer', (col) => col.notNull())
    .addColumn('cooldown_days', 'integer', (col) => col.notNull())
    .addColumn('reminder_after_hours', 'integer')
    .addColumn('updated_at', t.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.alterTable('ratings').addColumn('remind_at', t.timestamp).execute();
  await db.schema.alterTable('ratings').addColumn('reminded_at', t.timestamp).execute();
  // The cooldown: when a contact was last surveyed.
  await db.schema
    .createIndex('ratings_org_contact_offered_idx')
    .on('ratings')
    .columns(['org_id', 'contact_id', 'offered_at'])
    .execute();
  // The reminder sweep: invites whose reminder is due and not sent. Other ratings never enter the index.
  await db.schema
    .createIndex('ratings_remind_due_idx')
    .on('ratings')
    .column('remind_at')
    .where(sql.ref('reminded_at'), 'is', null)
    .where(sql.ref('remind_at'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ratings_remind_due_idx').execute();
  await db.schema.dropIndex('ratings_org_contact_offered_idx').execute();
  await db.schema.alterTable('ratings').dropColumn('reminded_at').execute();
  await db.schema.alterTable('ratings').dropColumn('remind_at').execute();
  await db.schema.dropTable('survey_rules').execute();
}
