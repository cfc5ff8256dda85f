import type { Db } from '../../db/database.js';
import { preparedQuery } from '../../db/prepared.js';

/** SQL for the texts an organization overrides, per language and key. */
export class RatingTextsRepository {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  // Read with the settings of every rating page view, popup and invite: prepared once.
  private readonly overridesOf = preparedQuery(
    () => this.db,
    (db, params: { orgId: number }) =>
      db.selectFrom('rating_texts').select(['language', 'key', 'text']).where('org_id', '=', params.orgId),
  );

  /** Every override of the organization, in every language. */
  async all(orgId: number, db: Db = this.db) {
    return this.overridesOf({ orgId }, db);
  }

  async ofLanguage(db: Db, orgId: number, language: string) {
    return db
      .selectFrom('rating_texts')
      .select(['key', 'text', 'updated_at'])
      .where('org_id', '=', orgId)
      .where('language', '=', language)
      .execute();
  }

  async countsByLanguage(orgId: number) {
    return this.db
      .selectFrom('rating_texts')
      .select(['language', (eb) => eb.fn.countAll<number | string>().as('count')])
      .where('org_id', '=', orgId)
      .groupBy('language')
      .execute();
  }

  async upsert(db: Db, row: { org_id: number; language: string; key: string; text: string; updated_at: string }) {
    await db
      .insertInto('rating_texts')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['org_id', 'language', 'key']).doUpdateSet({ text: row.text, updated_at: row.updated_at }),
      )
      .execute();
  }

  async remove(db: Db, orgId: number, language: string, keys: string[]) {
    if (keys.length === 0) return;
    await db
      .deleteFrom('rating_texts')
      .where('org_id', '=', orgId)
      .where('language', '=', language)
      .where('key', 'in', keys)
      .execute();
  }
}
