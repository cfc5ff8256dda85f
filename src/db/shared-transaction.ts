import { CompiledQuery } from 'kysely';
import type { Database, Db } from './database.js';
import { batchPerTurn } from './group-commit.js';

// Compiled once: an answer runs two or four of them, and building a `sql` template costs more than running one.
const SAVEPOINT = CompiledQuery.raw('savepoint shared_work');
const RELEASE = CompiledQuery.raw('release shared_work');
const ROLLBACK_TO = CompiledQuery.raw('rollback to shared_work');

/** A unit of work that must run in a transaction, and what it answers. */
export type TransactionWork<R> = (trx: Db) => Promise<R>;

interface Pending {
  work: TransactionWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for whole units of work (group-commit.ts does it for single-row writes): on SQLite, the works that
 * arrive in the same turn of the event loop run one after the other in one transaction, each inside a savepoint of its
 * own, and each caller's promise settles only after that transaction has committed — an acknowledged write is as
 * durable as when it committed alone. A work that throws rolls back to its savepoint: its caller gets its error, the
 * others commit. Should the shared transaction itself fail, nothing of it committed and every work runs again alone.
 *
 * Running the works one after the other in one transaction is what SQLite's one writer does anyway; each sees what the
 * works before it wrote. PostgreSQL commits concurrently from its pool: there each work gets a transaction of its own.
 */
export function sharedTransactions(database: Database): <R>(work: TransactionWork<R>) => Promise<R> {
  const alone = <R>(work: TransactionWork<R>) => database.db.transaction().execute(work);
  if (database.dialect !== 'sqlite') return alone;

  const runAlone = ({ work, resolve, reject }: Pending) => alone(work).then(resolve, reject);
  const commit = async (batch: Pending[]) => {
    if (batch.length === 1) return runAlone(batch[0]!);
    const settled: Array<() => void> = [];
    try {
      await database.db.transaction().execute(async (trx) => {
        for (const item of batch) {
          await trx.executeQuery(SAVEPOINT);
          try {
            const value = await item.work(trx);
            await trx.executeQuery(RELEASE);
            settled.push(() => item.resolve(value));
          } catch (error) {
            // Undoes this work's writes only; a failure to do so fails the whole transaction (below).
            await trx.executeQuery(ROLLBACK_TO);
            await trx.executeQuery(RELEASE);
            settled.push(() => item.reject(error));
          }
        }
      });
    } catch {
      // Nothing of the batch committed: every work runs again alone (one that had failed fails again, on its own).
      for (const item of batch) await runAlone(item);
      return;
    }
    for (const settle of settled) settle();
  };
  const queue = batchPerTurn(database, commit);
  return <R>(work: TransactionWork<R>) =>
    new Promise<R>((resolve, reject) => queue({ work, resolve: resolve as (value: unknown) => void, reject }));
}
