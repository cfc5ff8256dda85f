import type { Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { AnalyticsService } from './modules/analytics/index.js';
import { SearchIndex } from './modules/search/index.js';

/** Migrations after which data must be recomputed from the records, and how. */
const backfills: Record<string, (database: Database) => Promise<void>> = {
  // The analytics rollups start empty: count what was there before.
  '0004_insights': (database) => new AnalyticsService(database).rebuildAll(),
  // The search index starts empty: index the texts stored before it.
  '0010_search': (database) => new SearchIndex(database).rebuild(),
};

/**
 * Brings the schema up to date, then fills what a migration added from the records already stored (schema
 * migrations never import application code, so their backfills run here). Returns the migrations applied.
 */
export async function migrateDatabase(database: Database): Promise<string[]> {
  const results = await migrateToLatest(database.db);
  const applied = results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
  for (const name of applied) await backfills[name]?.(database);
  return applied;
}
