import { sql, type Kysely } from 'kysely';

/**
 * The indexes the first-day checklist and the audit log read by: an organization's widget tokens, its popup ratings
 * (partial, so other ratings' writes pay nothing), and the audit log by actor.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('widget_tokens_org_idx').on('widget_tokens').columns(['org_id', 'created_at']).execute();
  await db.schema
    .createIndex('ratings_org_popup_idx')
    .on('ratings')
    .columns(['org_id', 'id'])
    .where(sql.ref('source'), '=', 'popup')
    .execute();
  await db.schema
    .createIndex('audit_log_org_actor_idx')
    .on('audit_log')
    .columns(['org_id', 'actor_user_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_org_actor_idx').execute();
  await db.schema.dropIndex('ratings_org_popup_idx').execute();
  await db.schema.dropIndex('widget_tokens_org_idx').execute();
}
