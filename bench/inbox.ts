// The inbox at data size: `npx tsx bench/inbox.ts`. Creates a SQLite file with one organization of 100,000
// conversations (2-4 messages each, ratings on 70 %, message feedback on 25 %) beside a smaller neighbour, then asks
// GET /v1/inbox (through the real app, with app.inject) for the first page and for filtered pages, and prints the p50
// and p95 of each. Standalone and bounded: it stops by itself and removes its file. INBOX_CONVERSATIONS=… and
// INBOX_RUNS=… change the size and the number of timed runs; INBOX_KEEP=1 keeps the file. No index beyond the
// migrations' is needed; the slowest case is a search that matches (almost) nothing, which reads every conversation of
// the organization.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

const CONVERSATIONS = Number(process.env.INBOX_CONVERSATIONS ?? 100_000);
const NEIGHBOUR_CONVERSATIONS = Math.round(CONVERSATIONS / 5);
const RUNS = Number(process.env.INBOX_RUNS ?? 200);
const TARGET_MS = 100;
const DAY = 86_400_000;
const MINUTE = 60_000;

const FIRST_NAMES = ['Ada', 'Bob', 'Cleo', 'Dmitri', 'Eve', 'Farah', 'Günther', 'Hana', 'Ivo', 'Jun', 'Kofi', 'Lena'];
const LAST_NAMES = ['Smith', 'Okafor', 'Müller', 'Nakamura', 'Silva', 'Kowalski', 'Haddad', 'Larsen', 'Moreau'];
const CHANNELS = ['widget_chat', 'email', 'whatsapp', 'phone'];
const USER_TEXTS = ['Where is my order?', 'How do I return an item?', 'Can I change my delivery address?'];
const AGENT_TEXTS = [
  'Your order left our warehouse yesterday; here is the tracking link.',
  'You can return any item within 30 days from your account page.',
  'Yes, until the parcel ships you can change the address in your order.',
];
const COMMENTS = ['Quick and friendly, thanks!', 'Had to repeat my order number twice.', 'Wrong link', 'Too slow'];

/** mulberry32: small, fast and seedable, so every run builds the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function uuidFrom(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** Writes an organization's conversations, messages, ratings with questions and current message feedback. */
function fill(path: string, orgId: number, count: number, seed: number): { conversationUid: string } {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  const insertConversation = raw.prepare(
    `insert into conversations (uid, org_id, external_id, channel, status, contact_id, contact_name, contact_email,
       agent_id, agent_type, language, metadata, created_at, updated_at, closed_at, anonymized_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'en', '{}', ?, ?, ?, null)`,
  );
  const insertMessage = raw.prepare(
    `insert into messages (uid, org_id, conversation_id, role, text, author_id, created_at) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRating = raw.prepare(
    `insert into ratings (uid, code, org_id, conversation_id, source, status, contact_id, agent_id, agent_type, language,
       comment, expires_at, created_at, updated_at, offered_at, opened_at, submitted_at, cancelled_at)
     values (?, ?, ?, ?, 'invite', ?, ?, ?, ?, 'en', ?, ?, ?, ?, ?, null, ?, ?)`,
  );
  const insertQuestion = raw.prepare(
    `insert into rating_questions (rating_id, org_id, position, code, kind, status, value, comment, offered_at,
       answered_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFeedback = raw.prepare(
    `insert into message_feedback_current (message_id, user_id, org_id, conversation_id, feedback_uid, rating, comment,
       created_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const agents = Array.from({ length: 12 }, () => uuidFrom(next));
  const reviewers = Array.from({ length: 5 }, () => uuidFrom(next));
  const end = Date.now() - DAY;
  const start = end - 365 * DAY;
  let middleUid = '';

  raw.transaction(() => {
    for (let k = 0; k < count; k += 1) {
      const createdMs = start + Math.floor(((k + next()) * (end - start)) / count);
      const at = (offset: number) => new Date(createdMs + offset * MINUTE).toISOString();
      const first = pick(FIRST_NAMES);
      const last = pick(LAST_NAMES);
      const agentIndex = Math.floor(next() * agents.length);
      const closed = next() < 0.7;
      const uid = uuidFrom(next);
      if (k === Math.floor(count / 2)) middleUid = uid;
      const conversationId = Number(
        insertConversation.run(
          uid,
          orgId,
          `ORD-${seed}-${100_000 + k}`,
          pick(CHANNELS),
          closed ? 'closed' : 'open',
          uuidFrom(next),
          `${first} ${last}`,
          `${first}.${last}.${k}@example.com`.toLowerCase(),
          agents[agentIndex],
          agentIndex < 10 ? 'human' : 'ai',
          at(0),
          at(30),
          closed ? at(30) : null,
        ).lastInsertRowid,
      );
      let agentMessage = 0;
      const messages = 2 + Math.floor(next() * 3);
      for (let m = 0; m < messages; m += 1) {
        const role = m % 2 === 0 ? 'user' : agentIndex < 10 ? 'agent' : 'ai';
        const id = Number(
          insertMessage.run(
            uuidFrom(next),
            orgId,
            conversationId,
            role,
            role === 'user' ? pick(USER_TEXTS) : pick(AGENT_TEXTS),
            role === 'user' ? null : agents[agentIndex],
            at(m),
          ).lastInsertRowid,
        );
        if (role !== 'user') agentMessage = id;
      }

      const surveys = next() < 0.7 ? (next() < 0.1 ? 2 : 1) : 0;
      for (let s = 0; s < surveys; s += 1) {
        const roll = next();
        const status = roll < 0.6 ? 'rated' : roll < 0.7 ? 'partially_rated' : roll < 0.95 ? 'offered' : 'cancelled';
        const answered = status === 'rated' || status === 'partially_rated';
        const comment = answered && next() < 0.15 ? pick(COMMENTS) : null;
        const offered = at(40 + s * 60);
        const ratingId = Number(
          insertRating.run(
            uuidFrom(next),
            `${seed}-${k}-${s}-${uuidFrom(next)}`,
            orgId,
            conversationId,
            status,
            uuidFrom(next),
            agents[agentIndex],
            agentIndex < 10 ? 'human' : 'ai',
            comment,
            at(40 + s * 60 + 48 * 60),
            offered,
            offered,
            offered,
            answered ? at(45 + s * 60) : null,
            status === 'cancelled' ? at(50 + s * 60) : null,
          ).lastInsertRowid,
        );
        const nps = next() < 0.2;
        const codes: Array<[string, string]> = nps
          ? [['NPS', 'nps']]
          : [
              ['STARS', 'stars'],
              ['HELPFUL_THUMBS', 'thumbs'],
            ];
        codes.forEach(([code, kind], position) => {
          const answer = answered && (position === 0 || status === 'rated');
          const starsRoll = next();
          const value = !answer
            ? null
            : kind === 'nps'
              ? Math.floor(next() * 11)
              : kind === 'thumbs'
                ? next() < 0.8
                  ? 1
                  : 0
                : starsRoll < 0.45
                  ? 5
                  : starsRoll < 0.7
                    ? 4
                    : starsRoll < 0.82
                      ? 3
                      : starsRoll < 0.9
                        ? 2
                        : 1;
          insertQuestion.run(
            ratingId,
            orgId,
            position,
            code,
            kind,
            answer ? 'Rated' : status === 'cancelled' ? 'Cancelled' : 'Offered',
            value,
            answer && position === 0 ? comment : null,
            offered,
            answer ? at(45 + s * 60) : null,
            offered,
          );
        });
      }

      if (agentMessage && next() < 0.25) {
        const authors = 1 + Math.floor(next() * 2);
        for (let a = 0; a < authors; a += 1) {
          insertFeedback.run(
            agentMessage,
            reviewers[a],
            orgId,
            conversationId,
            uuidFrom(next),
            next() < 0.7 ? 'like' : 'dislike',
            next() < 0.2 ? pick(COMMENTS) : null,
            at(120),
          );
        }
      }
    }
  })();
  raw.close();
  return { conversationUid: middleUid };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plaudit-inbox-bench-'));
  const path = join(dir, 'inbox.db');
  try {
    let database = openDatabase({ dialect: 'sqlite', path });
    await migrateToLatest(database.db);
    const config = loadConfig({ DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: 'silent' });
    let app = await buildApp({ config, database });
    const { organization, apiKey } = await app.services.accounts.createOrganization({
      name: 'Bench',
      adminEmail: 'bench@plaudit.invalid',
    });
    const neighbour = await app.services.accounts.createOrganization({
      name: 'Neighbour',
      adminEmail: 'neighbour@plaudit.invalid',
    });
    await app.close();
    await database.close();

    const started = performance.now();
    const { conversationUid } = fill(path, organization.id, CONVERSATIONS, 1);
    fill(path, neighbour.organization.id, NEIGHBOUR_CONVERSATIONS, 2);
    const raw = new BetterSqlite3(path);
    raw.exec('analyze');
    const counts = ['conversations', 'messages', 'ratings', 'rating_questions', 'message_feedback_current'].map(
      (table) => `${table} ${(raw.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n}`,
    );
    raw.close();
    process.stdout.write(
      `Generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${counts.join(', ')}\n` +
        `(organization under test: ${CONVERSATIONS} conversations; neighbour: ${NEIGHBOUR_CONVERSATIONS})\n\n`,
    );

    database = openDatabase({ dialect: 'sqlite', path });
    app = await buildApp({ config, database });
    await app.ready();
    const headers = { authorization: `Bearer ${apiKey.api_key}` };
    const get = async (query: string) => {
      const response = await app.inject({ url: `/v1/inbox${query}`, headers });
      if (response.statusCode !== 200) throw new Error(`${query}: ${response.statusCode} ${response.body}`);
      return response.json() as { data: unknown[]; next_cursor: string | null };
    };
    const deepCursor = async () => {
      let cursor: string | null = null;
      for (let page = 0; page < 40; page += 1)
        cursor = (await get(`?limit=100${cursor ? `&cursor=${cursor}` : ''}`)).next_cursor;
      return cursor!;
    };

    const scenarios: Array<[string, string]> = [
      ['first page', ''],
      ['page 161 (cursor after 4,000 rows)', `?cursor=${await deepCursor()}`],
      ['low_rating=true', '?low_rating=true'],
      ['has_comment=true', '?has_comment=true'],
      ['low_rating=true&has_comment=true', '?low_rating=true&has_comment=true'],
      ['rated=false', '?rated=false'],
      ['q=okafor (common name)', '?q=okafor'],
      ['q=ord-1-150000 (a few external ids)', '?q=ord-1-150000'],
      ['q=exact UUID', `?q=${conversationUid}`],
      ['q=nobody (no match: every row read)', '?q=nobody'],
      ['channel=email&from..to one month', '?channel=email&from=2026-01-01&to=2026-01-31'],
      ['low_rating&has_comment&q=okafor', '?low_rating=true&has_comment=true&q=okafor'],
    ];
    process.stdout.write(
      `GET /v1/inbox, ${RUNS} runs each after a warm-up (ms; target: p95 well under ${TARGET_MS})\n`,
    );
    process.stdout.write(`${'scenario'.padEnd(44)}${'rows'.padStart(6)}${'p50'.padStart(9)}${'p95'.padStart(9)}\n`);
    let worst = 0;
    for (const [name, query] of scenarios) {
      for (let i = 0; i < 10; i += 1) await get(query);
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS; i += 1) {
        const t0 = performance.now();
        rows = (await get(query)).data.length;
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      worst = Math.max(worst, p95);
      process.stdout.write(
        `${name.padEnd(44)}${String(rows).padStart(6)}${percentile(times, 50).toFixed(2).padStart(9)}${p95
          .toFixed(2)
          .padStart(9)}\n`,
      );
    }
    process.stdout.write(
      `\nWorst p95: ${worst.toFixed(2)} ms (${worst < TARGET_MS ? 'under' : 'OVER'} ${TARGET_MS} ms)\n`,
    );
    await app.close();
    await database.close();
  } finally {
    if (process.env.INBOX_KEEP === '1') process.stdout.write(`Kept ${path}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
