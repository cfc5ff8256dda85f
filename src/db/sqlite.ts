import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
  type SqliteStatement,
} from 'kysely';
import { startCheckpointer } from './checkpointer.js';

export type SqliteSynchronous = 'normal' | 'full';

export interface SqliteOptions {
  /** File path, or `:memory:`. */
  path: string;
  /**
   * `normal` (default): in WAL mode a committed transaction is in the WAL file before the call returns, so it
   * survives a killed process; only a power cut or OS crash can lose the last commits. `full` fsyncs every commit.
   */
  synchronous?: SqliteSynchronous;
  /** How many prepared statements to keep; Kysely asks for a statement on every query. */
  statementCacheSize?: number;
  /** How often the background checkpointer runs (file databases only). */
  checkpointIntervalMs?: number;
}

/** Pages (4 KiB) the WAL may reach before a commit checkpoints inline: only if the background checkpointer falls behind. */
const BACKSTOP_CHECKPOINT_PAGES = 16_000;

/**
 * A statement that returns rows, read as arrays and made into objects here. better-sqlite3 builds each row object
 * natively, a property at a time, which for a wide read (200 messages of 11 columns) costs more than the query: read
 * raw, the same rows cost about a third less CPU. The objects are the same (later columns of a name win, as there).
 */
class RowsStatement {
  readonly reader = true;
  readonly #statement: BetterSqlite3.Statement;
  #names: string[];

  constructor(statement: BetterSqlite3.Statement) {
    this.#statement = statement.raw(true);
    this.#names = this.#columns();
  }

  #columns(): string[] {
    return this.#statement.columns().map((column) => column.name);
  }

  #row(values: unknown[]): Record<string, unknown> {
    // SQLite prepares a statement again after a schema change (a migration adding a column to `select *`).
    if (values.length !== this.#names.length) this.#names = this.#columns();
    const names = this.#names;
    const row: Record<string, unknown> = {};
    for (let index = 0; index < names.length; index += 1) row[names[index]!] = values[index];
    return row;
  }

  all(parameters: ReadonlyArray<unknown>): unknown[] {
    const rows = this.#statement.all(parameters) as unknown[][];
    for (let index = 0; index < rows.length; index += 1) rows[index] = this.#row(rows[index]!) as never;
    return rows;
  }

  *iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    for (const values of this.#statement.iterate(parameters) as IterableIterator<unknown[]>) yield this.#row(values);
  }

  run(parameters: ReadonlyArray<unknown>) {
    return this.#statement.run(parameters);
  }
}

/** A statement as Kysely's SQLite driver uses it: rows as objects when it returns rows. */
function forKysely(statement: BetterSqlite3.Statement): SqliteStatement {
  // A column named `__proto__` would set the prototype of a row built here: such a statement keeps native objects.
  const raw = statement.reader && !statement.columns().some((column) => column.name === '__proto__');
  return (raw ? new RowsStatement(statement) : statement) as unknown as SqliteStatement;
}

/**
 * Hands Kysely a prepared statement per SQL text, reusing the ones prepared before. Kysely's SQLite driver calls
 * `prepare` for every query; preparing costs more than running a small insert, so hot paths would pay it each time.
 * The cache is a small LRU: query shapes are few and fixed, parameters are bound per call.
 */
class StatementCachingDatabase implements SqliteDatabase {
  readonly #db: BetterSqlite3.Database;
  readonly #cache = new Map<string, SqliteStatement>();
  readonly #capacity: number;

  constructor(db: BetterSqlite3.Database, capacity: number) {
    this.#db = db;
    this.#capacity = capacity;
  }

  prepare(sql: string): SqliteStatement {
    let statement = this.#cache.get(sql);
    if (statement) {
      // Refresh its place in the LRU order.
      this.#cache.delete(sql);
    } else {
      statement = forKysely(this.#db.prepare(sql));
      if (this.#cache.size >= this.#capacity) {
        const oldest = this.#cache.keys().next().value;
        if (oldest !== undefined) this.#cache.delete(oldest);
      }
    }
    this.#cache.set(sql, statement);
    return statement;
  }

  close(): void {
    this.#cache.clear();
    this.#db.close();
  }
}

/**
 * Begins every transaction IMMEDIATE, taking the write lock at once. A deferred transaction that reads and then writes
 * fails with SQLITE_BUSY, without waiting, when another process committed in between (its snapshot is stale); the
 * command line writes beside a running server, which writes on its own too (the search index's catch-up), so every
 * transaction waits for the lock under `busy_timeout` instead. Within one process nothing changes: Kysely runs one
 * transaction at a time on the one connection.
 */
class ImmediateTransactionsDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new (class extends SqliteDriver {
      override async beginTransaction(connection: DatabaseConnection): Promise<void> {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
      }
    })(this.#config);
  }
}

/** Opens (creating if needed) a SQLite database in WAL mode with the pragmas Plaudit relies on. */
export function openSqlite(options: SqliteOptions): {
  kysely: Kysely<unknown>;
  raw: BetterSqlite3.Database;
  stopCheckpointer(): Promise<void>;
} {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const raw = new BetterSqlite3(options.path);
  raw.pragma('journal_mode = WAL');
  raw.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  raw.pragma('foreign_keys = ON');
  // Another process (the CLI beside a running server) may hold the write lock for a moment.
  raw.pragma('busy_timeout = 5000');
  const inMemory = options.path === ':memory:';
  if (!inMemory) raw.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  const checkpointer = inMemory ? undefined : startCheckpointer(options.path, options.checkpointIntervalMs);
  const database = new StatementCachingDatabase(raw, options.statementCacheSize ?? 500);
  const kysely = new Kysely<unknown>({ dialect: new ImmediateTransactionsDialect({ database }) });
  return { kysely, raw, stopCheckpointer: async () => checkpointer?.stop() };
}
