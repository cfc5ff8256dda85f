import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { RatingSettingsTable } from './rating-config.table.js';

/** SQL for the per-organization rating settings. */
export class RatingConfigRepository {
  constructor(private readonly db: Db) {}

  find(orgId: number, db: Db = this.db) {
    return db.selectFrom('rating_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  }

  organizationName(orgId: number, db: Db = this.db) {
    return db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirst();
  }

  async upsert(db: Db, row: Insertable<RatingSettingsTable>): Promise<void> {
    const { org_id: _orgId, ...changes } = row;
    await db
      .insertInto('rating_settings')
      .values(row)
      .onConflict((oc) => oc.column('org_id').doUpdateSet(changes))
      .execute();
  }
}
