import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { Invalidation } from './invalidation.js';
import { openPostgres } from './postgres.js';
import { openSqlite, type SqliteSynchronous } from './sqlite.js';
import type { Tables } from './tables.js';

export type Dialect = 'sqlite' | 'postgres';

export type Db = Kysely<Tables>;

/** The application's handle on its database, whichever engine it is. */
export interface Database {
  readonly dialect: Dialect;
  readonly db: Db;
  /** Answers whether the database can run a query right now. */
  ping(): Promise<boolean>;
  /** What SQLite's group commit is doing (see groupCommit); stays idle on PostgreSQL. */
  readonly groupCommits: GroupCommitActivity;
  /**
   * SQLite: a number that changes whenever another connection (the command line beside the server) has committed
   * since; a cache of rows can compare it to know it may be stale. PostgreSQL: undefined, there is no such signal.
   */
  dataVersion(): number | undefined;
  /** Tells every process when a change its caches hold commits (invalidation.ts); `listen` is the server's to call. */
  readonly invalidation: Invalidation;
  /** PostgreSQL: the pool's connections right now; SQLite, one connection and no pool: undefined. */
  poolUse(): PoolUse | undefined;
  close(): Promise<void>;
}

/** A PostgreSQL pool's connections at one moment. */
export interface PoolUse {
  /** Connections open, idle or busy. */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
  /** The most connections the pool opens (`DATABASE_POOL_SIZE`). */
  max: number;
}

/** The group commit's queue and batches, for whoever watches them (the metrics). Costs a counter when nobody does. */
export class GroupCommitActivity {
  /** Writes queued or committing in a batch now. */
  queued = 0;
  readonly #listeners = new Set<(size: number) => void>();

  /** Tells `listener` each batch's size as it starts; returns the function that stops telling it. */
  onBatch(listener: (size: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Called by the group commit with the size of a batch it starts. */
  batched(size: number): void {
    for (const listener of this.#listeners) listener(size);
  }
}

export type DatabaseTarget =
  | { dialect: 'sqlite'; path: string; synchronous?: SqliteSynchronous }
  | { dialect: 'postgres'; url: string; poolSize?: number };

/**
 * Reads `DATABASE_URL` the way the docs describe: unset means `./data/plaudit.db`; `sqlite:PATH` or `file:PATH` a
 * SQLite file; `postgres://…` or `postgresql://…` PostgreSQL. Returns an error sentence for anything else.
 */
export function parseDatabaseUrl(url: string | undefined): DatabaseTarget | string {
  if (url === undefined || url.trim() === '') return { dialect: 'sqlite', path: './data/plaudit.db' };
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url);
    } catch {
      return `DATABASE_URL is not a valid PostgreSQL URL`;
    }
    return { dialect: 'postgres', url };
  }
  const sqlite = /^(?:sqlite|file):(?:\/\/)?(.+)$/.exec(url);
  if (sqlite?.[1]) return { dialect: 'sqlite', path: sqlite[1] };
  return `DATABASE_URL must start with sqlite:, file:, postgres:// or postgresql:// (got "${url}")`;
}

/** Opens the database described by `target`; PostgreSQL connects lazily. */
export function openDatabase(target: DatabaseTarget, onPoolError?: (error: Error) => void): Database {
  if (target.dialect === 'sqlite') {
    const { kysely, raw, stopCheckpointer } = openSqlite({ path: target.path, synchronous: target.synchronous });
    const dataVersion = raw.prepare('pragma data_version').pluck();
    return {
      dialect: 'sqlite',
      db: kysely as Db,
      invalidation: new Invalidation('sqlite'),
      dataVersion: () => dataVersion.get() as number,
      groupCommits: new GroupCommitActivity(),
      poolUse: () => undefined,
      async ping() {
        try {
          raw.prepare('select 1').get();
          return true;
        } catch {
          return false;
        }
      },
      async close() {
        await stopCheckpointer();
        await kysely.destroy();
      },
    };
  }
  const { kysely, pool } = openPostgres({ connectionString: target.url, poolSize: target.poolSize });
  if (onPoolError) pool.on('error', onPoolError);
  const invalidation = new Invalidation('postgres', target.url);
  const database: Database = {
    dialect: 'postgres',
    db: kysely as Db,
    invalidation,
    dataVersion: () => undefined,
    groupCommits: new GroupCommitActivity(),
    poolUse: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: pool.options.max,
    }),
    async ping() {
      try {
        await sql`select 1`.execute(kysely);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await invalidation.close();
      await kysely.destroy();
    },
  };
  pools.set(database, pool);
  return database;
}

const pools = new WeakMap<Database, pg.Pool>();

/** The connection pool of a PostgreSQL database opened here (a read replica shares it); undefined for SQLite. */
export function postgresPool(database: Database): pg.Pool | undefined {
  return pools.get(database);
}
