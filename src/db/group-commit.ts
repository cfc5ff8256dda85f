import type { Database, Db } from './database.js';

interface Pending<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the hot single-row writes. A lone insert costs ~60 µs, nearly all of it the commit; writes
 * that arrive in the same turn of the event loop are run in one transaction instead, and each caller's promise
 * resolves only after that transaction has committed, so an acknowledged write is as durable as before.
 *
 * If the shared transaction fails, every write is retried on its own, so that one bad row cannot fail its
 * neighbours and each caller gets its own answer. PostgreSQL commits concurrently from its pool, so there each
 * write runs by itself, unless `many` writes a turn's items in one statement: one round trip, one plan and one commit
 * for them all instead of one each (the same fallback applies). With `transactional`, a write that runs alone gets a
 * transaction of its own too.
 */
export function groupCommit<T>(
  database: Database,
  write: (executor: Db, item: T) => Promise<unknown>,
  options: {
    transactional?: boolean;
    /** PostgreSQL: the writes of one turn as one statement, atomic by itself. */
    many?: (executor: Db, items: T[]) => Promise<unknown>;
  } = {},
): (item: T) => Promise<void> {
  // A write that reads before it writes (carry-forward) must run in a transaction even when it runs alone.
  const alone = options.transactional
    ? (item: T) => database.db.transaction().execute((trx) => write(trx, item))
    : (item: T) => write(database.db, item);
  const { many } = options;
  let together: (items: T[]) => Promise<unknown>;
  if (database.dialect === 'sqlite') {
    together = (items) =>
      database.db.transaction().execute(async (trx) => {
        for (const item of items) await write(trx, item);
      });
  } else if (many) {
    together = (items) => many(database.db, items);
  } else {
    return async (item) => void (await alone(item));
  }

  const commit = async (batch: Pending<T>[]) => {
    if (batch.length === 1) {
      const [only] = batch;
      return alone(only!.item).then(() => only!.resolve(), only!.reject);
    }
    try {
      await together(batch.map(({ item }) => item));
      for (const { resolve } of batch) resolve();
    } catch {
      for (const { item, resolve, reject } of batch) {
        await alone(item).then(resolve, reject);
      }
    }
  };
  const queue = batchPerTurn(database, commit);
  return (item) => new Promise<void>((resolve, reject) => queue({ item, resolve, reject }));
}

/**
 * What both kinds of group commit share: the entries queued in one turn of the event loop, handed to `commit` together
 * after its poll phase (every request read in this turn has queued its entry by then), and counted in the
 * database's group-commit activity (the metrics' queue depth and batch sizes).
 */
export function batchPerTurn<P>(database: Database, commit: (batch: P[]) => Promise<void>): (entry: P) => void {
  let pending: P[] = [];
  const activity = database.groupCommits;
  const flush = async () => {
    const batch = pending;
    pending = [];
    activity.batched(batch.length);
    try {
      await commit(batch);
    } finally {
      activity.queued -= batch.length;
    }
  };
  return (entry) => {
    pending.push(entry);
    activity.queued += 1;
    if (pending.length === 1) setImmediate(() => void flush());
  };
}
