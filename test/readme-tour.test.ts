import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dialects } from './helpers/databases.js';
import { freshDatabase, startServer, WAIT_MS, type ServerProcess } from './helpers/processes.js';
import { startRecordingProxy, type Exchange, type RecordingProxy } from './helpers/recording-proxy.js';
import { mismatches, shellBlocks, tourCommands, type TourCommand } from './helpers/readme-tour.js';
import { startShell, type ShellSession } from './helpers/shell.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const TOUR = shellBlocks(README, '## A tour of the API').flatMap(tourCommands);
/** The tour's first block sets these to what `npm start` printed; the test sets them to its own server. */
const SETUP = /^(KEY|API)=/;
const DEMO_START_MS = 90_000;

/** What the demo organization holds that the tour must leave as it is. */
type DemoRecords = Map<string, unknown>;

async function demoRecords(server: ServerProcess, key: string): Promise<DemoRecords> {
  const records: DemoRecords = new Map();
  for (const [list, id] of [
    ['/v1/conversations', 'id'],
    ['/v1/ratings', 'id'],
    ['/v1/feedback', 'uid'],
  ] as const) {
    let cursor: string | null = null;
    do {
      const page = await server.request('GET', `${list}?limit=200${cursor ? `&cursor=${cursor}` : ''}`, key);
      assert.equal(page.status, 200, JSON.stringify(page.body));
      for (const record of page.body.data as Array<Record<string, unknown>>)
        records.set(`${list}/${record[id]}`, record);
      cursor = page.body.next_cursor as string | null;
    } while (cursor);
  }
  return records;
}

/** Every demo record reads as before, and whatever is new (ratings, feedback) is on a conversation the tour made. */
function assertDemoUntouched(demo: DemoRecords, afterwards: DemoRecords): void {
  const demoConversations = new Set(
    [...demo.keys()].filter((path) => path.startsWith('/v1/conversations/')).map((path) => Number(path.split('/')[3])),
  );
  for (const [path, record] of demo) assert.deepEqual(afterwards.get(path), record, `${path} is as the demo made it`);
  for (const [path, record] of afterwards) {
    if (demo.has(path)) continue;
    const conversation = (record as { conversation_id?: number }).conversation_id;
    assert.ok(
      conversation === undefined || !demoConversations.has(conversation),
      `the tour made ${path} on demo conversation ${conversation}: ${JSON.stringify(record).slice(0, 300)}`,
    );
  }
}

function describeCommand(index: number, command: TourCommand): string {
  return `README tour, command ${index + 1} of ${TOUR.length}:\n${command.text}`;
}

function describeExchanges(exchanges: Exchange[]): string {
  return exchanges.map((e) => `${e.method} ${e.url} -> ${e.status} ${e.body.slice(0, 600)}`).join('\n');
}

/** Checks one command's answers: none is an error unless the README shows that status, and the last is as shown. */
function checkAnswers(index: number, command: TourCommand, exchanges: Exchange[]): void {
  const context = `${describeCommand(index, command)}\nanswers:\n${describeExchanges(exchanges)}`;
  assert.ok(exchanges.length > 0, `${context}\nmade no request`);
  const last = exchanges.at(-1)!;
  for (const exchange of exchanges.slice(0, -1)) assert.ok(exchange.status < 400, context);
  const { answer } = command;
  if (!answer) {
    assert.ok(last.status < 400, context);
    return;
  }
  assert.equal(last.status, answer.status, `${context}\nthe README shows:\n${answer.shown}`);
  if (answer.body) {
    const problems = mismatches(answer.body, JSON.parse(last.body));
    assert.deepEqual(problems, [], `${context}\nthe README shows:\n${answer.shown}`);
  }
}

for (const dialect of dialects) {
  describe(`the README's API tour, on a fresh demo [${dialect}]`, () => {
    let database: { url: string; drop(): Promise<void> } | undefined;
    let server: ServerProcess | undefined;
    let proxy: RecordingProxy | undefined;
    let shell: ShellSession | undefined;
    const dir = mkdtempSync(join(tmpdir(), 'plaudit-tour-'));
    let key = '';

    before(async () => {
      const tools = spawnSync('bash', ['-c', 'command -v curl jq'], { encoding: 'utf8' });
      assert.equal(
        tools.status,
        0,
        `the tour needs curl and jq on the PATH; found only: ${tools.stdout.trim() || 'neither'}`,
      );
      database = await freshDatabase(dialect);
      // PUBLIC_URL as `npm start` has it, so that the links the README shows are the links the server makes.
      server = await startServer(database.url, {
        args: ['--demo'],
        cwd: dir,
        env: { PUBLIC_URL: 'http://localhost:3000' },
        // The demo is seeded before the server listens: a few seconds, more on a busy machine.
        readyWithinMs: DEMO_START_MS,
      });
      const deadline = Date.now() + WAIT_MS;
      while (!/API key:\s+(plaudit_\S+)/.test(server.output()) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      key = /API key:\s+(plaudit_\S+)/.exec(server.output())?.[1] ?? assert.fail(`no API key in:\n${server.output()}`);
      proxy = await startRecordingProxy(server.url);
      shell = startShell({ cwd: dir, env: { KEY: key, API: proxy.url } });
    });

    after(async () => {
      shell?.close();
      await proxy?.close();
      await server?.kill();
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('runs command by command, every answer as the README shows it, and leaves the demo data as it was', async () => {
      assert.ok(TOUR.length > 30, `the tour has its commands (found ${TOUR.length})`);
      const demo = await demoRecords(server!, key);
      for (const [index, command] of TOUR.entries()) {
        if (SETUP.test(command.text)) continue;
        const result = await shell!.run(command.text);
        const exchanges = proxy!.take();
        assert.equal(
          result.code,
          0,
          `${describeCommand(index, command)}\nexited ${result.code}: ${result.stderr}\n${describeExchanges(exchanges)}`,
        );
        checkAnswers(index, command, exchanges);
      }
      assertDemoUntouched(demo, await demoRecords(server!, key));
    });
  });
}
