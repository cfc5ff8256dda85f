import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { dialects } from './helpers/databases.js';
import { freshDatabase, runCliJson, startServer, waitForExit, type ServerProcess } from './helpers/processes.js';

const CONVERSATIONS = 3000;

for (const dialect of dialects) {
  describe(`graceful shutdown on SIGTERM [${dialect}]`, () => {
    let database: { url: string; drop(): Promise<void> } | undefined;
    const servers: ServerProcess[] = [];

    before(async () => {
      database = await freshDatabase(dialect);
    });

    after(async () => {
      for (const server of servers) await server.kill();
      await database?.drop();
    });

    it(`finishes an import of ${CONVERSATIONS} conversations in flight, then exits 0`, async () => {
      const server = await startServer(database!.url);
      servers.push(server);
      const { apiKey } = await runCliJson(database!.url, ['org', 'create', '--name', 'Shutdown']);
      assert.equal((await server.request('GET', '/health')).status, 200);

      const run = randomBytes(4).toString('hex');
      const conversations = Array.from({ length: CONVERSATIONS }, (_, index) => ({
        external_id: `shutdown-${run}-${index}`,
        channel: 'email',
        messages: [
          { role: 'user', text: `Question ${index}` },
          { role: 'agent', text: `Answer ${index}` },
          { role: 'user', text: 'Thanks!' },
        ],
      }));

      const importing = server.request('POST', '/v1/conversations/import', apiKey, { conversations });
      importing.catch(() => {}); // awaited below; this only keeps an early failure from counting as unhandled
      await sleep(30);
      assert.equal(server.child.exitCode, null, 'the server is still running when the signal is sent');
      const exited = waitForExit(server.child);
      server.child.kill('SIGTERM');

      const imported = await importing;
      assert.equal(imported.status, 200, JSON.stringify(imported.body).slice(0, 500));
      assert.equal(imported.body.data.created, CONVERSATIONS);
      assert.deepEqual(await exited, { code: 0, signal: null }, server.output());

      const restarted = await startServer(database!.url);
      servers.push(restarted);
      const externalId = conversations[1234]!.external_id;
      const found = await restarted.request('GET', `/v1/conversations?external_id=${externalId}`, apiKey);
      assert.equal(found.status, 200);
      assert.equal(found.body.data.length, 1);
      assert.equal(found.body.data[0].external_id, externalId);
      assert.equal(found.body.data[0].message_count, 3);
    });
  });
}
