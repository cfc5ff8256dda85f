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

/**
 * Claims the selected rows for this transaction only, passing over rows another transaction holds, where the engine
 * needs it: on PostgreSQL `FOR UPDATE SKIP LOCKED`, so that nodes doing the same batch work at once never wait for or
 * deadlock on each other; SQLite runs one writer at a time.
 */
export function skipLocked<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  dialect: Dialect,
): SelectQueryBuilder<DB, TB, O> {
  return dialect === 'postgres' ? query.forUpdate().skipLocked() : query;
}
