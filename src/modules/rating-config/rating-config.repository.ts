import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import { preparedQuery } from '../../db/prepared.js';
import type { RatingSettingsTable } from './rating-config.table.js';

/** SQL for the per-organization rating settings. */
export class RatingConfigRepository {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  // Read on every rating page view: prepared once.
  private readonly settingsOf = preparedQuery(
    () => this.db,
    (db, params: { orgId: number }) => db.selectFrom('rating_settings').selectAll().where('org_id', '=', params.orgId),
  );

  private readonly nameOf = preparedQuery(
    () => this.db,
    (db, params: { orgId: number }) => db.selectFrom('organizations').select('name').where('id', '=', params.orgId),
  );

  async find(orgId: number, db: Db = this.db) {
    return (await this.settingsOf({ orgId }, db))[0];
  }

  async organizationName(orgId: number, db: Db = this.db) {
    return (await this.nameOf({ orgId }, db))[0];
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
