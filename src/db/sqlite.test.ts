import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { openSqlite } from './sqlite.js';

describe('SQLite connection', () => {
  it('runs in WAL mode with the chosen synchronous level and foreign keys on', () => {
    const { raw, kysely } = openSqlite({ path: ':memory:', synchronous: 'full' });
    assert.equal(raw.pragma('synchronous', { simple: true }), 2);
    assert.equal(raw.pragma('foreign_keys', { simple: true }), 1);
    void kysely.destroy();
  });

  it('prepares each SQL text once and reuses the statement', async () => {
    const { raw, kysely } = openSqlite({ path: ':memory:', statementCacheSize: 2 });
    let prepared = 0;
    const original = raw.prepare.bind(raw);
    raw.prepare = ((text: string) => {
      prepared += 1;
      return original(text);
    }) as typeof raw.prepare;
    for (let i = 0; i < 5; i += 1) await sql`select ${i} as n`.execute(kysely);
    assert.equal(prepared, 1, 'five runs of one query prepare it once');
    await sql`select 1 as a`.execute(kysely);
    await sql`select 1 as b`.execute(kysely);
    const rows = await sql<{ n: number }>`select ${7} as n`.execute(kysely);
    assert.equal(rows.rows[0]?.n, 7);
    assert.equal(prepared, 4, 'a statement pushed out of the cache is prepared again');
    await kysely.destroy();
  });

  it('waits for another process’s write lock in a transaction that reads before it writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plaudit-lock-'));
    const path = join(dir, 'lock.db');
    const first = openSqlite({ path });
    const second = openSqlite({ path });
    try {
      first.raw.exec(
        'create table counters (id integer primary key, n integer not null); insert into counters values (1, 0)',
      );
      second.raw.pragma('busy_timeout = 100');
      const write = second.raw.prepare('update counters set n = n + 1 where id = 1');
      await first.kysely.transaction().execute(async (trx) => {
        await sql`select n from counters where id = 1`.execute(trx);
        // Another connection cannot commit between this read and the write below: the transaction holds the lock.
        assert.throws(() => write.run(), /database is locked/);
        await sql`update counters set n = n + 10 where id = 1`.execute(trx);
      });
      write.run();
      assert.equal((first.raw.prepare('select n from counters').get() as { n: number }).n, 11);
    } finally {
      await first.stopCheckpointer();
      await second.stopCheckpointer();
      await first.kysely.destroy();
      await second.kysely.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checkpoints the WAL from a background thread, below the inline threshold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plaudit-wal-'));
    const path = join(dir, 'wal.db');
    const { raw, kysely, stopCheckpointer } = openSqlite({ path, checkpointIntervalMs: 50 });
    try {
      raw.exec('create table blobs (id integer primary key, body text)');
      const insert = raw.prepare('insert into blobs (body) values (?)');
      // About 2 MiB in 500 commits: far below the 16,000-page backstop, so only the worker moves it into the file.
      for (let i = 0; i < 500; i += 1) insert.run('x'.repeat(4000));
      const before = statSync(path).size;
      await sleep(400);
      assert.ok(
        statSync(path).size > before + 1_000_000,
        'the rows reached the database file without an inline checkpoint',
      );
    } finally {
      await stopCheckpointer();
      await kysely.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
