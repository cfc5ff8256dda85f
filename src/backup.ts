// `plaudit backup` and `plaudit restore`: a consistent copy of the whole database while the server keeps writing, and
// its way back. SQLite uses its online backup API (page by page, restarting over pages a writer changed, so the copy
// is one committed state); PostgreSQL uses pg_dump, whose single repeatable-read snapshot is one committed state too.
import { spawn } from 'node:child_process';
import { existsSync, openSync, readSync, closeSync, renameSync, rmSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseTarget } from './db/database.js';

/** A backup or restore that cannot go on: one sentence for the person at the terminal. */
export class BackupError extends Error {}

export interface BackupSummary {
  file: string;
  format: 'sqlite' | 'pg_dump';
  bytes: number;
  /** The newest migration in the copy: the schema version it restores to. */
  schema: string | undefined;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';
const PG_DUMP_HEADER = 'PGDMP';

function fileFormat(file: string): BackupSummary['format'] | undefined {
  const descriptor = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const read = readSync(descriptor, head, 0, 16, 0);
    const text = head.subarray(0, read).toString('latin1');
    if (text === SQLITE_HEADER) return 'sqlite';
    if (text.startsWith(PG_DUMP_HEADER)) return 'pg_dump';
    return undefined;
  } finally {
    closeSync(descriptor);
  }
}

/** Checks a SQLite file is whole and is a Plaudit database; answers its newest migration. */
function checkSqliteCopy(file: string): string | undefined {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${file} is damaged: SQLite's check says "${String(check)}"`);
    const table = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'plaudit_migration'").get();
    if (!table) throw new BackupError(`${file} is a SQLite database but not a Plaudit one (it has no migrations)`);
    const newest = db.prepare('select max(name) as name from plaudit_migration').get() as { name: string | null };
    return newest.name ?? undefined;
  } finally {
    db.close();
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              `${command} is not installed or not on PATH; PostgreSQL backups need the PostgreSQL client tools`,
            )
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The schema DATABASE_URL works in, how many tables it has, and its newest migration. */
async function postgresSchema(url: string): Promise<{ schema: string; tables: number; newest: string | undefined }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ schema: string; count: string }>(
      `select current_schema() as schema, (select count(*) from information_schema.tables
         where table_schema = current_schema()) as count`,
    );
    const migrations = await client.query<{ exists: boolean }>(
      `select to_regclass('plaudit_migration') is not null as exists`,
    );
    const newest = migrations.rows[0]?.exists
      ? (await client.query<{ name: string | null }>('select max(name) as name from plaudit_migration')).rows[0]?.name
      : undefined;
    return { schema: tables.rows[0]!.schema, tables: Number(tables.rows[0]!.count), newest: newest ?? undefined };
  } finally {
    await client.end();
  }
}

/** Writes a consistent copy of the database to `file` (through a temporary file: a failed backup leaves none). */
export async function backupDatabase(target: DatabaseTarget, file: string): Promise<BackupSummary> {
  if (existsSync(file))
    throw new BackupError(`${file} exists already; choose a new file, a backup never overwrites one`);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    let schema: string | undefined;
    if (target.dialect === 'sqlite') {
      if (target.path === ':memory:') throw new BackupError('an in-memory database has nothing on disk to back up');
      if (!existsSync(target.path)) throw new BackupError(`there is no database at ${target.path} to back up`);
      const source = new BetterSqlite3(target.path, { fileMustExist: true });
      try {
        source.pragma('busy_timeout = 10000');
        await source.backup(partial);
      } finally {
        source.close();
      }
      schema = checkSqliteCopy(partial);
    } else {
      const current = await postgresSchema(target.url);
      schema = current.newest;
      if (schema === undefined) throw new BackupError('the PostgreSQL database holds no Plaudit schema to back up');
      await run('pg_dump', [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--schema=${current.schema}`,
        `--file=${partial}`,
        target.url,
      ]);
    }
    renameSync(partial, file);
    return { file, format: target.dialect === 'sqlite' ? 'sqlite' : 'pg_dump', bytes: statSync(file).size, schema };
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * Replaces the database's contents with the backup in `file`. A database that holds data is replaced only with
 * `force`. The server should be stopped first: it keeps caches of what it read (sessions, settings).
 */
export async function restoreDatabase(
  target: DatabaseTarget,
  file: string,
  options: { force?: boolean } = {},
): Promise<BackupSummary> {
  if (!existsSync(file)) throw new BackupError(`there is no backup at ${file}`);
  const format = fileFormat(file);
  if (format === undefined) throw new BackupError(`${file} is neither a SQLite database nor a pg_dump archive`);
  const wanted = target.dialect === 'sqlite' ? 'sqlite' : 'pg_dump';
  if (format !== wanted) {
    throw new BackupError(
      `${file} is a ${format === 'sqlite' ? 'SQLite' : 'PostgreSQL'} backup and DATABASE_URL names a ` +
        `${target.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} database; restore it into the engine it came from`,
    );
  }
  let schema: string | undefined;
  if (target.dialect === 'sqlite') {
    if (target.path === ':memory:') throw new BackupError('restore into a database file, not an in-memory one');
    schema = checkSqliteCopy(file);
    if (existsSync(target.path) && !options.force && hasSqliteData(target.path)) {
      throw new BackupError(`${target.path} holds data; pass --force to replace it with the backup`);
    }
    // SQLite's backup API again, now into the database: it takes the database's locks and writes through its WAL,
    // so the file is never half old, half new.
    const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(target.path);
    } finally {
      source.close();
    }
  } else {
    const before = await postgresSchema(target.url);
    if (before.tables > 0 && !options.force) {
      throw new BackupError('the PostgreSQL database holds tables; pass --force to replace them with the backup');
    }
    // pg_restore turns the archive into SQL; psql runs it after dropping the schema, all in one transaction: the
    // database holds either what it held or the backup, never a mix, and no table of a newer schema stays behind.
    const script = `${file}.restore.sql`;
    try {
      await run('pg_restore', ['--no-owner', '--no-privileges', `--file=${script}`, file]);
      await run('psql', [
        '--no-psqlrc',
        '--quiet',
        '--single-transaction',
        '--set=ON_ERROR_STOP=1',
        `--dbname=${target.url}`,
        `--command=drop schema if exists ${quoteIdentifier(before.schema)} cascade`,
        `--file=${script}`,
      ]);
    } finally {
      rmSync(script, { force: true });
    }
    schema = (await postgresSchema(target.url)).newest;
  }
  return { file, format, bytes: statSync(file).size, schema };
}

function hasSqliteData(path: string): boolean {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("select count(*) as count from sqlite_master where type = 'table'").get() as {
      count: number;
    };
    return tables.count > 0;
  } finally {
    db.close();
  }
}
