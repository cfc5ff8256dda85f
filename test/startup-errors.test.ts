import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { adminUrl, dialects } from './helpers/databases.js';
import { startPasswordRefusingPostgres } from './helpers/fake-postgres.js';
import { freePort, freshDatabase, runCli, type CliResult } from './helpers/processes.js';

/** The start failed with one sentence on stderr that names the variable to change, and no stack trace. */
function assertOneSentence(result: CliResult, problem: RegExp, variable: string): void {
  assert.notEqual(result.code, 0, 'the command fails');
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${result.stderr}`);
  assert.match(lines[0]!, /^plaudit: [^\n]+\.$/);
  assert.match(lines[0]!, problem);
  assert.ok(lines[0]!.includes(variable), `"${lines[0]}" names ${variable}`);
  assert.doesNotMatch(`${result.stdout}\n${result.stderr}`, /\n\s+at \S/, 'no stack trace');
}

function postgresUrl(change: (url: URL) => void): string {
  const url = new URL(adminUrl);
  change(url);
  return url.toString();
}

for (const dialect of dialects) {
  describe(`start-up errors name the problem and the variable to change [${dialect}]`, () => {
    let database: { url: string; drop(): Promise<void> } | undefined;
    let holder: Server | undefined;

    before(async () => {
      database = await freshDatabase(dialect);
    });

    after(async () => {
      holder?.close();
      await database?.drop();
    });

    it('a port in use: PORT', async () => {
      holder = createServer();
      const port = await freePort();
      await new Promise<void>((resolve) => holder!.listen(port, '127.0.0.1', resolve));
      const result = await runCli(database!.url, ['serve'], { env: { HOST: '127.0.0.1', PORT: String(port) } });
      assertOneSentence(result, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`), 'PORT');
    });

    it('a HOST that is not an address of this machine: HOST', async () => {
      const port = String(await freePort());
      const result = await runCli(database!.url, ['serve'], { env: { HOST: '192.0.2.1', PORT: port } });
      assertOneSentence(result, /192\.0\.2\.1 is not an address of this machine/, 'HOST');
    });

    it('a Redis that does not answer: REDIS_URL', async () => {
      const [port, redisPort] = [String(await freePort()), await freePort()];
      const result = await runCli(database!.url, ['serve'], {
        env: { HOST: '127.0.0.1', PORT: port, REDIS_URL: `redis://127.0.0.1:${redisPort}` },
      });
      assertOneSentence(
        result,
        new RegExp(`Redis at 127\\.0\\.0\\.1:${redisPort}, where REDIS_URL points, did not answer`),
        'REDIS_URL',
      );
    });
  });
}

if (dialects.includes('sqlite')) {
  describe('start-up errors of a SQLite DATABASE_URL', () => {
    it('a file that is not a SQLite database', async () => {
      const { url, drop } = await freshDatabase('sqlite');
      const path = url.replace(/^sqlite:/, '');
      writeFileSync(path, 'This is a letter, not a database.\n'.repeat(100));
      try {
        for (const command of [['serve'], ['migrate']]) {
          const result = await runCli(url, command, { env: { HOST: '127.0.0.1', PORT: String(await freePort()) } });
          assertOneSentence(result, /is not a SQLite database/, 'DATABASE_URL');
        }
      } finally {
        await drop();
      }
    });
  });
}

if (dialects.includes('postgres')) {
  describe('start-up errors of a PostgreSQL DATABASE_URL', () => {
    const serve = async (url: string) =>
      runCli(url, ['serve'], { env: { HOST: '127.0.0.1', PORT: String(await freePort()) } });

    it('a database that does not exist', async () => {
      const name = `plaudit_missing_${randomBytes(4).toString('hex')}`;
      const result = await serve(postgresUrl((url) => (url.pathname = `/${name}`)));
      assertOneSentence(result, new RegExp(`has no database "${name}"`), 'DATABASE_URL');
    });

    it('nothing listening where the URL points', async () => {
      const port = await freePort();
      const result = await serve(postgresUrl((url) => (url.port = String(port))));
      assertOneSentence(result, new RegExp(`nothing accepts connections at [^ ]+:${port}`), 'DATABASE_URL');
    });

    it('a bad password, which the sentence does not repeat', async () => {
      const postgres = await startPasswordRefusingPostgres('plaudit');
      try {
        const result = await serve(`postgres://plaudit:not-the-password@127.0.0.1:${postgres.port}/plaudit`);
        assertOneSentence(result, /refused the password of user "plaudit"/, 'DATABASE_URL');
        assert.doesNotMatch(result.stderr, /not-the-password/);
      } finally {
        await postgres.close();
      }
    });

    it('a user that does not exist', async () => {
      const user = `nobody_${randomBytes(4).toString('hex')}`;
      const result = await serve(postgresUrl((url) => (url.username = user)));
      assertOneSentence(result, new RegExp(`refused user "${user}"`), 'DATABASE_URL');
    });
  });
}
