import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { dialects } from './helpers/databases.js';
import { freshDatabase, runCliJson, startServer, type ServerProcess } from './helpers/processes.js';

for (const dialect of dialects) {
  describe(`plaudit serve keeps the search index [${dialect}]`, () => {
    let database: { url: string; drop(): Promise<void> } | undefined;
    let server: ServerProcess | undefined;

    before(async () => {
      database = await freshDatabase(dialect);
    });

    after(async () => {
      await server?.kill();
      await database?.drop();
    });

    it('finds a message at once, and on SQLite moves its words into FTS5 within a second', async () => {
      server = await startServer(database!.url);
      const org = await runCliJson<{ apiKey: string }>(database!.url, ['org', 'create', '--name', 'Searcher']);
      const created = await server.request('POST', '/v1/conversations', org.apiKey, {
        messages: [{ role: 'user', text: 'The kettle whistles oddly' }],
      });
      assert.equal(created.status, 201);
      const found = await server.request('GET', '/v1/inbox?q=kettle', org.apiKey);
      assert.deepEqual(
        found.body.data.map((item: { id: number }) => item.id),
        [created.body.data.id],
      );
      if (dialect !== 'sqlite') return;

      const file = fileURLToPath(new URL(database!.url.replace(/^sqlite:/, 'file://')));
      const reader = new BetterSqlite3(file, { readonly: true });
      try {
        const progress = () =>
          (
            reader.prepare("select indexed_up_to from search_index_progress where source = 'messages'").get() as {
              indexed_up_to: number;
            }
          ).indexed_up_to;
        const deadline = Date.now() + 2000;
        while (progress() < 1 && Date.now() < deadline) await sleep(50);
        assert.equal(progress(), 1, 'the message is in FTS5');
        const rows = reader.prepare(`select count(*) as n from search_index where search_index match 'kettle'`).get();
        assert.deepEqual(rows, { n: 1 });
      } finally {
        reader.close();
      }
      const again = await server.request('GET', '/v1/inbox?q=kettle', org.apiKey);
      assert.equal(again.body.data.length, 1, 'and found there');
    });
  });
}
