import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from './helpers/databases.js';
import { freshDatabase, runCliJson, startServer, type ServerProcess } from './helpers/processes.js';

const MESSAGES = 50;

for (const dialect of dialects) {
  describe(`acknowledged writes survive a killed server [${dialect}]`, () => {
    let database: { url: string; drop(): Promise<void> } | undefined;
    const servers: ServerProcess[] = [];

    before(async () => {
      database = await freshDatabase(dialect);
    });

    after(async () => {
      for (const server of servers) await server.kill();
      await database?.drop();
    });

    it(`keeps all ${MESSAGES} messages answered 201 before SIGKILL, in order`, async () => {
      const first = await startServer(database!.url);
      servers.push(first);
      const { apiKey } = await runCliJson(database!.url, ['org', 'create', '--name', 'Durable']);

      const conversation = await first.request('POST', '/v1/conversations', apiKey, { channel: 'email' });
      assert.equal(conversation.status, 201);
      const id = conversation.body.data.id;

      const texts = Array.from({ length: MESSAGES }, (_, index) => `message ${index + 1}`);
      for (const text of texts) {
        const posted = await first.request('POST', `/v1/conversations/${id}/messages`, apiKey, { role: 'user', text });
        assert.equal(posted.status, 201, `${text}: ${JSON.stringify(posted.body)}`);
      }
      const killed = await first.kill();
      assert.equal(killed.signal, 'SIGKILL');

      const second = await startServer(database!.url);
      servers.push(second);
      const listed = await second.request('GET', `/v1/conversations/${id}/messages`, apiKey);
      assert.equal(listed.status, 200);
      assert.deepEqual(
        listed.body.data.map((message: { text: string }) => message.text),
        texts,
      );
    });
  });
}
