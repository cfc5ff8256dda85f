import type { SelectQueryBuilder } from 'kysely';
import type { Dialect } from './database.js';

/**
 * Locks the selected rows until the transaction ends, where the engine needs it. PostgreSQL runs transactions side by
 * side, so a read-then-write must lock (`FOR UPDATE`); SQLite runs one write transaction at a time and has no such
 * clause.
 */
export function forUpdate<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  dialect: Dialect,
): SelectQueryBuilder<DB, TB, O> {
  return dialect === 'postgres' ? query.forUpdate() : query;
}
