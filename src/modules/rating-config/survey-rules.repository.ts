import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { SurveyRulesTable } from './rating-config.table.js';

/** SQL for the organization's survey rules: one row, once an admin saved them. */
export class SurveyRulesRepository {
  constructor(private readonly db: Db) {}

  async find(orgId: number, db: Db = this.db) {
    return db.selectFrom('survey_rules').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  }

  async upsert(db: Db, row: Insertable<SurveyRulesTable>): Promise<void> {
    const { org_id: _orgId, ...changes } = row;
    await db
      .insertInto('survey_rules')
      .values(row)
      .onConflict((oc) => oc.column('org_id').doUpdateSet(changes))
      .execute();
  }
}
