import assert from 'node:assert/strict';
import Sqlite from 'better-sqlite3';
import type { Dialect } from '../../src/db/database.js';
import { openDatabase } from '../../src/db/database.js';
import { createServices } from '../../src/services.js';
import { freshDatabase, runCliJson, startServer, type ServerProcess } from './processes.js';

/**
 * The crash drill shared by `test/crash.test.ts` (a few cycles in `npm test`) and `bench/crash.ts` (many, in
 * `npm run bench:crash`): a real `plaudit serve` takes concurrent messages, message feedback and rating answers, is
 * killed with SIGKILL at a random moment, and is started again on the same database. Every write it acknowledged
 * must be there afterwards, and the database must be whole: SQLite's integrity check passes, and the analytics
 * rollups kept in the writing transactions equal the figures computed from the records.
 */

export interface CrashDrillOptions {
  dialect: Dialect;
  cycles: number;
  /** Concurrent writers per cycle. */
  writers?: number;
  /** The kill comes at a random moment between these two, once every kind of write was acknowledged. */
  killAfterMs?: [number, number];
  /** Called after each cycle with what it checked. */
  onCycle?: (cycle: CycleReport) => void;
}

export interface CycleReport {
  cycle: number;
  acknowledged: { messages: number; feedback: number; answers: number };
  killedAfterMs: number;
}

export interface CrashDrillReport {
  cycles: number;
  /** Acknowledged writes checked after the restarts, by kind. */
  checked: { messages: number; feedback: number; answers: number };
}

interface Acknowledged {
  messages: Array<{ uid: string; text: string }>;
  feedback: Array<{ messageUid: string; uid: string; comment: string }>;
  answers: Array<{ ratingId: number; value: number }>;
}

const RATINGS_PER_CYCLE = 400;

function randomBetween([low, high]: [number, number]): number {
  return low + Math.floor(Math.random() * (high - low));
}

/** Offered CSAT surveys on the conversation, for the writers to answer (one answer each, so each is checkable). */
async function offerSurveys(server: ServerProcess, key: string, conversationId: number, count: number) {
  const ids: number[] = [];
  for (let index = 0; index < count; index++) {
    const offered = await server.request('POST', `/v1/conversations/${conversationId}/ratings`, key, {
      question_codes: ['CSAT'],
    });
    assert.equal(offered.status, 201, JSON.stringify(offered.body));
    ids.push(offered.body.data.id);
  }
  return ids;
}

/**
 * One writer: loops over its three kinds of writes until the server stops answering, and records each write the
 * server acknowledged. A write whose answer never came may or may not be stored; only acknowledged ones are owed.
 */
async function write(
  server: ServerProcess,
  key: string,
  input: { cycle: number; writer: number; conversationId: number; agentMessages: string[]; ratings: number[] },
  acknowledged: Acknowledged,
  kill: { sent: boolean },
): Promise<void> {
  for (let n = 0; ; n++) {
    try {
      const kind = n % 3;
      if (kind === 0) {
        const text = `crash ${input.cycle}.${input.writer}.${n}`;
        const posted = await server.request('POST', `/v1/conversations/${input.conversationId}/messages`, key, {
          role: 'user',
          text,
        });
        if (posted.status !== 201) throw new Error(`message answered ${posted.status}: ${JSON.stringify(posted.body)}`);
        acknowledged.messages.push({ uid: posted.body.data.uid, text });
      } else if (kind === 1) {
        const messageUid = input.agentMessages[(input.writer + n) % input.agentMessages.length]!;
        const comment = `feedback ${input.cycle}.${input.writer}.${n}`;
        const posted = await server.request('POST', `/v1/messages/${messageUid}/feedback`, key, {
          rating: n % 2 === 0 ? 'like' : 'dislike',
          comment,
        });
        if (posted.status !== 200)
          throw new Error(`feedback answered ${posted.status}: ${JSON.stringify(posted.body)}`);
        acknowledged.feedback.push({ messageUid, uid: posted.body.data.uid, comment });
      } else {
        const ratingId = input.ratings.pop();
        if (ratingId === undefined) continue;
        const value = 1 + ((input.writer + n) % 5);
        const posted = await server.request('POST', `/v1/ratings/${ratingId}/answers`, key, {
          answers: [{ code: 'CSAT', value }],
        });
        if (posted.status !== 200) throw new Error(`answer answered ${posted.status}: ${JSON.stringify(posted.body)}`);
        acknowledged.answers.push({ ratingId, value });
      }
    } catch (error) {
      // The kill: the connection is refused or reset. Anything before it is a failure of the service.
      if (!kill.sent) throw error;
      return;
    }
  }
}

/** Checks, through the restarted server, that every acknowledged write is stored as it was acknowledged. */
async function checkAcknowledged(
  server: ServerProcess,
  key: string,
  conversationId: number,
  acknowledged: Acknowledged,
): Promise<void> {
  const listed = await server.request('GET', `/v1/conversations/${conversationId}/messages`, key);
  assert.equal(listed.status, 200);
  const stored = new Map<string, string>(
    listed.body.data.map((message: { uid: string; text: string }) => [message.uid, message.text]),
  );
  for (const message of acknowledged.messages) {
    assert.equal(stored.get(message.uid), message.text, `acknowledged message ${message.uid} is stored`);
  }
  const histories = new Map<string, Set<string>>();
  for (const record of acknowledged.feedback) {
    let history = histories.get(record.messageUid);
    if (!history) {
      const answered = await server.request('GET', `/v1/messages/${record.messageUid}/feedback/history`, key);
      assert.equal(answered.status, 200);
      history = new Set(answered.body.data.map((entry: { uid: string }) => entry.uid));
      histories.set(record.messageUid, history);
    }
    assert.ok(history.has(record.uid), `acknowledged feedback ${record.uid} (${record.comment}) is stored`);
  }
  for (const answer of acknowledged.answers) {
    const rating = await server.request('GET', `/v1/ratings/${answer.ratingId}`, key);
    assert.equal(rating.status, 200);
    const question = rating.body.data.questions[0];
    assert.equal(question.status, 'Rated', `acknowledged answer of rating ${answer.ratingId} is stored`);
    assert.equal(question.value, answer.value);
  }
}

/**
 * The database is whole: SQLite's own integrity check, and on both engines the rollups kept in each write's
 * transaction equal the figures computed from the records (a torn write would make them differ).
 */
async function checkIntegrity(dialect: Dialect, url: string, orgId: number): Promise<void> {
  if (dialect === 'sqlite') {
    const file = new Sqlite(url.replace(/^sqlite:/, ''), { readonly: true });
    try {
      assert.deepEqual(file.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
    } finally {
      file.close();
    }
  }
  const database = openDatabase(
    dialect === 'sqlite' ? { dialect, path: url.replace(/^sqlite:/, '') } : { dialect, url, poolSize: 2 },
  );
  try {
    const { analytics } = createServices(database, { publicUrl: 'http://127.0.0.1' });
    // Every write of the drill happened today (UTC); a day either side covers the reporting day of any of them.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const range = { from: day(-1), to: day(1) };
    for (const figure of ['summary', 'funnel', 'agents'] as const) {
      const fromRollups = await analytics[figure](orgId, range);
      const fromRecords = await analytics[figure](orgId, range, { exact: true });
      assert.deepEqual(fromRollups, fromRecords, `${figure}: rollups equal the records`);
    }
  } finally {
    await database.close();
  }
}

/** Runs the drill; throws (an assertion) at the first write lost or the first sign of a damaged database. */
export async function runCrashDrill(options: CrashDrillOptions): Promise<CrashDrillReport> {
  const writers = options.writers ?? 8;
  const killAfter = options.killAfterMs ?? [0, 700];
  const database = await freshDatabase(options.dialect);
  const checked = { messages: 0, feedback: 0, answers: 0 };
  let server: ServerProcess | undefined;
  try {
    const { apiKey: key, organization } = await runCliJson(database.url, ['org', 'create', '--name', 'Crash drill']);
    server = await startServer(database.url);
    const conversation = await server.request('POST', '/v1/conversations', key, {
      channel: 'widget_chat',
      agent_type: 'ai',
      agent_id: '5b0e6f2a-6a4f-4b8e-9a56-2f7d0c1e9a11',
      messages: [
        { role: 'user', text: 'Where is my parcel?' },
        { role: 'ai', text: 'It arrives tomorrow.' },
        { role: 'ai', text: 'Anything else?' },
      ],
    });
    assert.equal(conversation.status, 201, JSON.stringify(conversation.body));
    const conversationId: number = conversation.body.data.id;
    const agentMessages: string[] = conversation.body.data.messages
      .filter((message: { role: string }) => message.role === 'ai')
      .map((message: { uid: string }) => message.uid);

    const all: Acknowledged = { messages: [], feedback: [], answers: [] };
    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      const current: ServerProcess = server;
      const ratings = await offerSurveys(current, key, conversationId, RATINGS_PER_CYCLE / writers);
      const pools = Array.from({ length: writers }, (_, writer) => ratings.filter((_, i) => i % writers === writer));
      const acknowledged: Acknowledged = { messages: [], feedback: [], answers: [] };
      const kill = { sent: false };
      const running = pools.map((pool, writer) =>
        write(current, key, { cycle, writer, conversationId, agentMessages, ratings: pool }, acknowledged, kill),
      );
      // Each kind of write is acknowledged at least once before the kill, so that every cycle has something to lose
      // whatever the machine's speed; then the kill comes at a random moment.
      const started = Date.now();
      while (!(acknowledged.messages.length && acknowledged.feedback.length && acknowledged.answers.length)) {
        if (Date.now() - started > 30_000) throw new Error('the writers got no acknowledgement of every kind in 30 s');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await new Promise((resolve) => setTimeout(resolve, randomBetween(killAfter)));
      const killedAfterMs = Date.now() - started;
      kill.sent = true;
      const killed = await current.kill();
      assert.equal(killed.signal, 'SIGKILL');
      await Promise.all(running);

      server = await startServer(database.url);
      all.messages.push(...acknowledged.messages);
      all.feedback.push(...acknowledged.feedback);
      all.answers.push(...acknowledged.answers);
      // Everything acknowledged in every cycle so far, not only this one: a later crash must not lose earlier writes.
      await checkAcknowledged(server, key, conversationId, all);
      options.onCycle?.({
        cycle,
        killedAfterMs,
        acknowledged: {
          messages: acknowledged.messages.length,
          feedback: acknowledged.feedback.length,
          answers: acknowledged.answers.length,
        },
      });
    }
    await server.kill();
    server = undefined;
    await checkIntegrity(options.dialect, database.url, organization.id);
    checked.messages = all.messages.length;
    checked.feedback = all.feedback.length;
    checked.answers = all.answers.length;
    return { cycles: options.cycles, checked };
  } finally {
    await server?.kill();
    await database.drop();
  }
}
