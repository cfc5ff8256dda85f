import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import autocannon from 'autocannon';
import { dialects } from './helpers/databases.js';
import { freshDatabase, runCliJson, startServer, waitForExit, type ServerProcess } from './helpers/processes.js';

const REQUESTS = 3000;
/** The server's shutdown grace period: SIGTERM must end it within this, whatever its stdout does. */
const GRACE_MS = 10_000;
const DROPPED = /plaudit: (\d+) log lines? (?:was|were) dropped because stdout was not being read\./;

/** Sends `REQUESTS` authenticated reads over ten connections; answers how many were answered 2xx. */
async function sendRequests(server: ServerProcess, apiKey: string): Promise<number> {
  const result = await autocannon({
    url: `${server.url}/v1/conversations?limit=1`,
    headers: { authorization: `Bearer ${apiKey}` },
    connections: 10,
    amount: REQUESTS,
    timeout: 10,
  });
  return result['2xx'];
}

// How the process treats its stdout does not depend on the database: one engine of the run is enough (the first).
for (const dialect of dialects.slice(0, 1)) {
  describe(`a server whose stdout is full, closed or slow [${dialect}]`, () => {
    let database: { url: string; drop(): Promise<void> } | undefined;
    let apiKey = '';
    const servers: ServerProcess[] = [];

    before(async () => {
      database = await freshDatabase(dialect);
      ({ apiKey } = await runCliJson(database.url, ['org', 'create', '--name', 'Stdout']));
    });

    after(async () => {
      for (const server of servers) await server.kill();
      await database?.drop();
    });

    const start = async () => {
      const server = await startServer(database!.url, { env: { LOG_LEVEL: 'info' }, readStdout: false });
      servers.push(server);
      return server;
    };

    it(`keeps serving when stdout is never read, and SIGTERM still ends it within the grace period`, async () => {
      const server = await start();
      assert.equal(await sendRequests(server, apiKey), REQUESTS);
      server.child.kill('SIGTERM');
      assert.deepEqual(await waitForExit(server.child, GRACE_MS), { code: 0, signal: null }, server.output());
      const dropped = DROPPED.exec(server.stderr());
      assert.ok(dropped, `stderr says how many log lines were dropped:\n${server.stderr()}`);
      assert.ok(Number(dropped[1]) > 0 && Number(dropped[1]) <= REQUESTS + 10, dropped[0]);
    });

    it('keeps serving when the reader closes stdout, and SIGTERM ends it', async () => {
      const server = await start();
      server.child.stdout!.destroy();
      assert.equal(await sendRequests(server, apiKey), REQUESTS);
      server.child.kill('SIGTERM');
      assert.deepEqual(await waitForExit(server.child, GRACE_MS), { code: 0, signal: null }, server.output());
      assert.match(server.stderr(), DROPPED);
    });

    it('keeps serving a slow reader, and SIGTERM ends it within the grace period', async () => {
      const server = await start();
      let received = '';
      const reader = setInterval(() => {
        const chunk = server.child.stdout!.read(2048) as Buffer | null;
        if (chunk) received += chunk.toString('utf8');
      }, 20);
      try {
        assert.equal(await sendRequests(server, apiKey), REQUESTS);
        server.child.kill('SIGTERM');
        assert.deepEqual(await waitForExit(server.child, GRACE_MS), { code: 0, signal: null }, server.output());
      } finally {
        clearInterval(reader);
      }
      assert.match(received, /"msg":"request completed"/, 'the slow reader got log lines');
    });

    it('writes every log line, the last one at exit, when stdout is read', async () => {
      const server = await startServer(database!.url, { env: { LOG_LEVEL: 'info' } });
      servers.push(server);
      assert.equal(await sendRequests(server, apiKey), REQUESTS);
      server.child.kill('SIGTERM');
      assert.deepEqual(await waitForExit(server.child), { code: 0, signal: null }, server.output());
      await new Promise((resolve) =>
        server.child.stdout!.readableEnded ? resolve(null) : server.child.stdout!.once('close', resolve),
      );
      const lines = server
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg: string; url?: string });
      const answered = lines.filter((line) => line.msg === 'request completed' && line.url?.startsWith('/v1/'));
      assert.equal(answered.length, REQUESTS);
      assert.equal(lines.at(-1)?.msg, 'stopped');
      assert.doesNotMatch(server.stderr(), DROPPED);
    });
  });
}
