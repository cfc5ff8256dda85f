import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type Dialect } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export const adminUrl = process.env.PLAUDIT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/**
 * A PostgreSQL database scripts/run-tests.mjs migrated once for the run (createPostgresTemplate): the suites' databases
 * are copies of it, which PostgreSQL makes in a fraction of the time and CPU that the migrations take. Without it (a
 * test file run on its own) each database is migrated.
 */
const migratedTemplate = process.env.PLAUDIT_TEST_PG_TEMPLATE;

/** The dialects this run covers: `PLAUDIT_TEST_DIALECTS` narrows the default of both. */
export const dialects = (process.env.PLAUDIT_TEST_DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .map((dialect) => dialect.trim())
  .filter((dialect): dialect is Dialect => dialect === 'sqlite' || dialect === 'postgres');

export interface TestDatabase {
  database: Database;
  /** The DATABASE_URL of this database, for child processes. */
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A new PostgreSQL database of this test file's own, empty or a copy of `template`; dropped afterwards. Nobody else's
 * data is touched.
 */
export async function createPostgresDatabase(template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `plaudit_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`create database ${name}${template ? ` template ${template}` : ''}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** A migrated database of the given dialect: SQLite in memory, PostgreSQL in a fresh database. */
export async function createTestDatabase(dialect: Dialect, sqlitePath = ':memory:'): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const database = openDatabase({ dialect: 'sqlite', path: sqlitePath });
    await migrateToLatest(database.db);
    return { database, url: `sqlite:${sqlitePath}`, drop: () => database.close() };
  }
  const created = await createPostgresDatabase(migratedTemplate);
  const database = openDatabase({ dialect: 'postgres', url: created.url, poolSize: 5 });
  if (!migratedTemplate) await migrateToLatest(database.db);
  return {
    database,
    url: created.url,
    async drop() {
      await database.close();
      await created.drop();
    },
  };
}

/** A migrated PostgreSQL database for the suites of a run to copy (see `migratedTemplate`); answers its name. */
export async function createPostgresTemplate(): Promise<{ name: string; drop(): Promise<void> }> {
  const created = await createPostgresDatabase();
  const database = openDatabase({ dialect: 'postgres', url: created.url, poolSize: 1 });
  try {
    await migrateToLatest(database.db);
  } finally {
    // A database is copied only while nobody is connected to it.
    await database.close();
  }
  return { name: new URL(created.url).pathname.slice(1), drop: created.drop };
}
