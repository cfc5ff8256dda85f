// Reads of analytics, exports and the inbox on a PostgreSQL streaming replica (`DATABASE_READ_URL`), with
// read-your-writes: a caller who just changed something reads from the primary until the replica has replayed that
// change. Everything else — every write, every transaction of a write path, every other read — stays on the primary.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  Kysely,
  PostgresAdapter,
  PostgresDriver,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely';
import type pg from 'pg';
import type { Database, Db } from './database.js';
import { openPostgres } from './postgres.js';

/** Inside `replicaScope.run(true, …)` the routed database's queries go to the replica. */
export const replicaScope = new AsyncLocalStorage<boolean>();

/** Orders two WAL positions (`16/B374D848`): negative when `a` comes first. */
export function compareLsn(a: string, b: string): number {
  const value = (lsn: string) => {
    const [high, low] = lsn.split('/');
    return (BigInt(`0x${high ?? '0'}`) << 32n) + BigInt(`0x${low ?? '0'}`);
  };
  const [x, y] = [value(a), value(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

/** Hands each connection to the primary's driver or the replica's, as the scope asks, and back to its own. */
class RoutingDriver implements Driver {
  readonly #owners = new WeakMap<DatabaseConnection, Driver>();

  constructor(
    private readonly primary: Driver,
    private readonly replica: Driver,
  ) {}

  async init(): Promise<void> {
    await this.primary.init();
    await this.replica.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const driver = replicaScope.getStore() === true ? this.replica : this.primary;
    const connection = await driver.acquireConnection();
    this.#owners.set(connection, driver);
    return connection;
  }

  #owner(connection: DatabaseConnection): Driver {
    const owner = this.#owners.get(connection);
    if (!owner) throw new Error('a connection the read routing did not hand out');
    return owner;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.#owner(connection).beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.#owner(connection).commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.#owner(connection).rollbackTransaction(connection);
  }
  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.#owner(connection).savepoint!(connection, name, compile);
  }
  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.#owner(connection).rollbackToSavepoint!(connection, name, compile);
  }
  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.#owner(connection).releaseSavepoint!(connection, name, compile);
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const owner = this.#owner(connection);
    this.#owners.delete(connection);
    await owner.releaseConnection(connection);
  }
  async destroy(): Promise<void> {
    // The primary's pool belongs to the primary's Database, which closes it.
    await this.replica.destroy();
  }
}

export interface ReadReplica {
  /** A database for the read services: the replica inside `replicaScope`, the primary outside it. */
  readonly routed: Database;
  /** The primary's WAL position now: where the replica must be for a caller to see what they just wrote. */
  primaryPosition(): Promise<string>;
  /** Whether the replica has replayed the WAL up to `position`; false when it does not answer. */
  caughtUp(position: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Opens the replica beside the primary, whose pool the routed database shares for everything not routed. */
export function openReadReplica(
  primary: { database: Database; pool: pg.Pool },
  readUrl: string,
  poolSize?: number,
): ReadReplica {
  const replica = openPostgres({ connectionString: readUrl, poolSize });
  const driver = new RoutingDriver(
    new PostgresDriver({ pool: primary.pool }),
    new PostgresDriver({ pool: replica.pool }),
  );
  const routed = new Kysely<unknown>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }) as Db;
  return {
    routed: {
      dialect: 'postgres',
      db: routed,
      // Its writes are the primary's, and the pool figures too: the replica's pool only serves reads.
      groupCommits: primary.database.groupCommits,
      poolUse: () => primary.database.poolUse(),
      dataVersion: () => undefined,
      // Notifications come from the primary, where the changes commit.
      invalidation: primary.database.invalidation,
      ping: () => primary.database.ping(),
      close: () => routed.destroy(),
    },
    async primaryPosition() {
      const result = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(primary.database.db);
      return result.rows[0]!.lsn;
    },
    async caughtUp(position) {
      try {
        const result = await sql<{ lsn: string | null }>`select pg_last_wal_replay_lsn()::text as lsn`.execute(
          replica.kysely,
        );
        const replayed = result.rows[0]?.lsn;
        return replayed !== null && replayed !== undefined && compareLsn(replayed, position) >= 0;
      } catch {
        return false;
      }
    },
    async close() {
      await routed.destroy();
    },
  };
}
