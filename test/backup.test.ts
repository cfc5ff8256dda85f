import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../src/app.js';
import { backupDatabase, restoreDatabase } from '../src/backup.js';
import { openDatabase, parseDatabaseUrl, type DatabaseTarget } from '../src/db/database.js';
import { testConfig } from './helpers/app.js';
import { dialects } from './helpers/databases.js';
import { freshDatabase, runCli, runCliJson, startServer, type ServerProcess } from './helpers/processes.js';

interface CreatedOrg {
  organization: { id: number };
  apiKey: string;
}

type Request = (method: string, path: string, key: string, body?: unknown) => Promise<{ status: number; body: any }>;

/** The API of an app in this process over the database at `target`, for as long as `use` runs. */
async function withApp<T>(target: DatabaseTarget, use: (request: Request) => Promise<T>): Promise<T> {
  const database = openDatabase(target);
  const app = await buildApp({ config: { ...testConfig, database: target }, database });
  try {
    return await use(async (method, path, key, body) => {
      const response = await app.inject({
        method: method as 'GET',
        url: path,
        headers: { authorization: `Bearer ${key}` },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
      return { status: response.statusCode, body: response.json() };
    });
  } finally {
    await app.close();
    await database.close();
  }
}

/** What a person would compare after a restore: the figures and the records behind them. */
async function figures(request: Request, key: string) {
  const summary = await request('GET', '/v1/analytics/summary', key);
  assert.equal(summary.status, 200, JSON.stringify(summary.body));
  const conversations = await request('GET', '/v1/conversations?limit=100', key);
  assert.equal(conversations.status, 200, JSON.stringify(conversations.body));
  const { previous: _previous, from: _from, to: _to, ...current } = summary.body.data;
  return {
    summary: current,
    conversations: conversations.body.data.map((c: { id: number; message_count: number }) => [c.id, c.message_count]),
  };
}

/**
 * The summary the rollups answer and the one a rebuild from the records answers, from the database itself: equal
 * only when the copy holds records and rollups of one and the same moment.
 */
async function rollupsAgreeWithRecords(target: DatabaseTarget, orgId: number, key: string): Promise<void> {
  const database = openDatabase(target);
  const app = await buildApp({ config: { ...testConfig, database: target }, database });
  try {
    const read = async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/v1/analytics/summary',
        headers: { authorization: `Bearer ${key}` },
      });
      assert.equal(response.statusCode, 200, response.body);
      return JSON.parse(response.body).data;
    };
    const fromRollups = await read();
    await app.services.analytics.rebuild(orgId);
    assert.deepEqual(await read(), fromRollups, 'the rollups in the copy equal a rebuild from its records');
    assert.ok(fromRollups.messages.likes + fromRollups.messages.dislikes > 0, 'the copy holds feedback');
  } finally {
    await app.close();
    await database.close();
  }
}

for (const dialect of dialects) {
  describe(`plaudit backup and restore [${dialect}]`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'plaudit-backup-'));
    const databases: { url: string; drop(): Promise<void> }[] = [];
    let live: ServerProcess;
    let org: CreatedOrg;

    const newDatabase = async () => {
      const created = await freshDatabase(dialect);
      databases.push(created);
      return created.url;
    };
    const target = (url: string) => parseDatabaseUrl(url) as DatabaseTarget;

    /** One conversation with an AI answer, and a like or dislike on it: the writes a busy day is made of. */
    async function write(round: number): Promise<void> {
      const created = await live.request('POST', '/v1/conversations', org.apiKey, {
        external_id: `load-${round}`,
        channel: 'widget_chat',
        agent_type: 'ai',
        messages: [
          { role: 'user', text: `Question ${round}` },
          { role: 'ai', text: `Answer ${round}` },
        ],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const answer = created.body.data.messages.find((message: { role: string }) => message.role === 'ai');
      const feedback = await live.request('POST', `/v1/messages/${answer.uid}/feedback`, org.apiKey, {
        rating: round % 3 === 0 ? 'dislike' : 'like',
      });
      assert.equal(feedback.status, 200, JSON.stringify(feedback.body));
    }

    before(async () => {
      const url = await newDatabase();
      org = await runCliJson<CreatedOrg>(url, ['org', 'create', '--name', 'Backed Up', '--json']);
      live = await startServer(url);
      for (let round = 0; round < 10; round += 1) await write(round);
    });

    after(async () => {
      await live?.kill();
      for (const created of databases) await created.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('backs up while the server writes: the copy is one consistent moment, and restores', async () => {
      let round = 10;
      let writing = true;
      const writers = [0, 1, 2].map(async () => {
        while (writing) await write(round++);
      });
      try {
        // Let the load get going, then copy in the middle of it.
        while (round < 30) await new Promise((resolve) => setTimeout(resolve, 20));
        const file = join(dir, 'under-load.backup');
        const backup = await runCli(databases[0]!.url, ['backup', '--to', file, '--json']);
        assert.equal(backup.code, 0, backup.stderr);
        const summary = JSON.parse(backup.stdout);
        assert.equal(summary.format, dialect === 'sqlite' ? 'sqlite' : 'pg_dump');
        assert.match(summary.schema, /^\d{4}_/);
        assert.ok(summary.bytes > 0);
        assert.ok(round > 30, 'the server kept writing during the backup');

        const restoredUrl = await newDatabase();
        const restore = await runCli(restoredUrl, ['restore', '--from', file]);
        assert.equal(restore.code, 0, restore.stderr);
        assert.match(restore.stdout, /Restored the database from .*under-load\.backup/);
        await rollupsAgreeWithRecords(target(restoredUrl), org.organization.id, org.apiKey);
      } finally {
        writing = false;
        await Promise.all(writers);
      }
    });

    it('a backup taken when writes stop restores to the same counts and figures', async () => {
      const file = join(dir, 'quiet.backup');
      const expected = await figures(live.request, org.apiKey);
      const backup = await runCli(databases[0]!.url, ['backup', '--to', file]);
      assert.equal(backup.code, 0, backup.stderr);
      assert.match(backup.stdout, /Backed up the database to .*quiet\.backup \((SQLite|pg_dump archive), /);

      const restoredUrl = await newDatabase();
      await restoreDatabase(target(restoredUrl), file);
      assert.deepEqual(await withApp(target(restoredUrl), (request) => figures(request, org.apiKey)), expected);
      assert.ok(expected.conversations.length > 30);
    });

    it('refuses to overwrite a file, to restore over data without --force, and files that are no backup', async () => {
      const file = join(dir, 'refusals.backup');
      await backupDatabase(target(databases[0]!.url), file);

      const again = await runCli(databases[0]!.url, ['backup', '--to', file]);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /refusals\.backup exists already; choose a new file/);

      // The live database holds data: a restore over it needs --force, and without it nothing changes.
      const before = await figures(live.request, org.apiKey);
      await assert.rejects(
        restoreDatabase(target(databases[0]!.url), file),
        /holds (data|tables); pass --force to replace/,
      );
      assert.deepEqual(await figures(live.request, org.apiKey), before);

      const junk = join(dir, 'notes.txt');
      writeFileSync(junk, 'not a backup at all');
      await assert.rejects(
        restoreDatabase(target(await newDatabase()), junk),
        /is neither a SQLite database nor a pg_dump archive/,
      );
      await assert.rejects(
        restoreDatabase(target(databases[0]!.url), join(dir, 'nowhere.backup')),
        /there is no backup at/,
      );

      const noTarget = await runCli(databases[0]!.url, ['backup']);
      assert.equal(noTarget.code, 2);
      assert.match(noTarget.stderr, /--to is required/);
      assert.equal(existsSync(`${file}.partial`), false);
    });

    it('--force replaces a database that holds newer data with the backup, leaving nothing of it behind', async () => {
      const file = join(dir, 'before-more.backup');
      await backupDatabase(target(databases[0]!.url), file);
      const copyUrl = await newDatabase();
      const copy = target(copyUrl);
      await restoreDatabase(copy, file);
      const expected = await withApp(copy, async (request) => {
        const shown = await figures(request, org.apiKey);
        // Writes after the backup, which the forced restore must undo.
        const extra = await request('POST', '/v1/conversations', org.apiKey, { external_id: 'after-backup' });
        assert.equal(extra.status, 201);
        return shown;
      });
      const forced = await runCli(copyUrl, ['restore', '--from', file, '--force']);
      assert.equal(forced.code, 0, forced.stderr);
      assert.deepEqual(await withApp(copy, (request) => figures(request, org.apiKey)), expected);
    });

    if (dialect === 'sqlite' && dialects.includes('postgres')) {
      it('refuses a SQLite backup for a PostgreSQL database, saying which engine it came from', async () => {
        const file = join(dir, 'engine.backup');
        await backupDatabase(target(databases[0]!.url), file);
        const postgres = await freshDatabase('postgres');
        try {
          await assert.rejects(
            restoreDatabase(target(postgres.url), file),
            /is a SQLite backup and DATABASE_URL names a PostgreSQL database/,
          );
        } finally {
          await postgres.drop();
        }
      });
    }
  });
}
