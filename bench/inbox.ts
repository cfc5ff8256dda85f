// The inbox at data size: `npx tsx bench/inbox.ts`. For each engine (SQLite in a temporary file; PostgreSQL in a
// database of its own on 127.0.0.1, dropped afterwards) it writes one organization of 100,000 conversations with
// 1,000,000 messages (6-14 each, in English and German, with order numbers, products and cities), ratings on 70 %,
// message feedback on 25 %, beside a neighbour of 20,000 conversations whose texts hold words the organization's do
// not; builds the search index from those records as the migration's backfill does; then asks GET /v1/inbox (the real
// app, through app.inject) for pages and searches and prints the p50 and p95 of each. Standalone and bounded: fixed
// sizes, a fixed number of runs, and a deadline; it stops by itself and removes what it made.
// INBOX_CONVERSATIONS, INBOX_RUNS and INBOX_DIALECTS (sqlite,postgres) change the size, the runs and the engines;
// INBOX_PG_URL the PostgreSQL server (127.0.0.1 only); INBOX_KEEP=1 keeps the databases, to look at plans.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Dialect } from '../src/db/database.js';
import { migrateDatabase } from '../src/migrate.js';
import { SearchIndex } from '../src/modules/search/index.js';
import { fillInbox, ids } from './inbox-dataset.js';

const CONVERSATIONS = Number(process.env.INBOX_CONVERSATIONS ?? 100_000);
const NEIGHBOUR_CONVERSATIONS = Math.round(CONVERSATIONS / 5);
const RUNS = Number(process.env.INBOX_RUNS ?? 100);
const DIALECTS = (process.env.INBOX_DIALECTS ?? 'sqlite,postgres').split(',') as Dialect[];
const PG_URL = process.env.INBOX_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SEARCH_GOAL_MS = 20;
const DEADLINE = Date.now() + 60 * 60_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const url = new URL(PG_URL);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') throw new Error('INBOX_PG_URL must be local');
  const name = `plaudit_inbox_bench_${process.pid}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

async function bench(dialect: Dialect): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'plaudit-inbox-bench-'));
  const postgres = dialect === 'postgres' ? await postgresDatabase() : undefined;
  const database = postgres
    ? openDatabase({ dialect: 'postgres', url: postgres.url })
    : openDatabase({ dialect: 'sqlite', path: join(dir, 'inbox.db') });
  const summary: string[] = [];
  try {
    await migrateDatabase(database);
    const config = loadConfig({
      DATABASE_URL: postgres?.url ?? `sqlite:${join(dir, 'inbox.db')}`,
      LOG_LEVEL: 'silent',
    });
    const app = await buildApp({ config, database });
    await app.ready();
    try {
      const { organization, apiKey } = await app.services.accounts.createOrganization({
        name: 'Bench',
        adminEmail: 'bench@plaudit.invalid',
      });
      const neighbour = await app.services.accounts.createOrganization({
        name: 'Neighbour',
        adminEmail: 'neighbour@plaudit.invalid',
      });
      Object.assign(ids, { conversation: 0, message: 0, rating: 0, question: 0 });
      let started = performance.now();
      const { conversationUid } = await fillInbox(database, organization.id, CONVERSATIONS, 1, false);
      await fillInbox(database, neighbour.organization.id, NEIGHBOUR_CONVERSATIONS, 2, true);
      if (dialect === 'postgres') {
        for (const table of ['conversations', 'messages', 'ratings', 'rating_questions']) {
          await sql
            .raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`)
            .execute(database.db);
        }
      }
      const generated = (performance.now() - started) / 1000;
      started = performance.now();
      await new SearchIndex(database).rebuild();
      const indexed = (performance.now() - started) / 1000;
      await sql.raw(dialect === 'postgres' ? 'vacuum analyze' : 'analyze').execute(database.db);
      const counted = await Promise.all(
        ['conversations', 'messages', 'search_documents'].map(async (table) => {
          const row = (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(database.db))
            .rows[0]!;
          return `${table} ${Number(row.n)}`;
        }),
      );
      process.stdout.write(
        `\n${dialect}: generated in ${generated.toFixed(0)} s, search index built from the records in ` +
          `${indexed.toFixed(0)} s: ${counted.join(', ')}\n(organization under test: ${CONVERSATIONS} ` +
          `conversations; neighbour: ${NEIGHBOUR_CONVERSATIONS})\n`,
      );

      const headers = { authorization: `Bearer ${apiKey.api_key}` };
      const get = async (query: string) => {
        const response = await app.inject({ url: `/v1/inbox${query}`, headers });
        if (response.statusCode !== 200) throw new Error(`${query}: ${response.statusCode} ${response.body}`);
        return response.json() as { data: unknown[]; next_cursor: string | null };
      };
      const sample = await sql<{ text: string }>`select text from messages where org_id = ${organization.id}
        and text like ${'%#%'} order by id limit 1 offset 5000`.execute(database.db);
      const orderNumber = /#\d+/.exec(sample.rows[0]?.text ?? '')?.[0] ?? '#123456';
      let cursor: string | null = null;
      const deep = Math.min(40, Math.floor(CONVERSATIONS / 100) - 1);
      for (let page = 0; page < deep; page += 1)
        cursor = (await get(`?limit=100${cursor ? `&cursor=${cursor}` : ''}`)).next_cursor;

      // [name, query, the goal applies]: a word most conversations hold, and one none does.
      const scenarios: Array<[string, string, boolean]> = [
        ['first page', '', false],
        [`page ${deep + 1} (cursor after ${deep * 100} rows)`, `?cursor=${cursor}`, false],
        ['low_rating=true&has_comment=true', '?low_rating=true&has_comment=true', false],
        ['channel=email&from..to one month', '?channel=email&from=2026-01-01&to=2026-01-31', false],
        ['q=order (in most conversations)', '?q=order', true],
        ['q=refund (in many)', '?q=refund', true],
        ['q=nobody (in none)', '?q=nobody', true],
        ['q=zeppelin (only the neighbour has it)', '?q=zeppelin', true],
        ['q=refu (a beginning)', '?q=refu', false],
        ['q="refund for order" (a phrase)', `?q=${encodeURIComponent('"refund for order"')}`, false],
        ['q=okafor (a contact name)', '?q=okafor', false],
        ['q=ord-1-150000 (an external id)', '?q=ord-1-150000', false],
        [`q=${orderNumber} (an order number: a few)`, `?q=${encodeURIComponent(orderNumber)}`, false],
        ['q=exact UUID', `?q=${conversationUid}`, false],
        ['q=okafor refund (two terms)', '?q=okafor+refund', false],
        ['q=zürich bestellung (German)', `?q=${encodeURIComponent('zürich bestellung')}`, false],
        ['q=refund&low_rating&has_comment', '?q=refund&low_rating=true&has_comment=true', false],
      ];
      process.stdout.write(`GET /v1/inbox, ${RUNS} runs each after a warm-up (ms)\n`);
      process.stdout.write(`${'scenario'.padEnd(44)}${'rows'.padStart(6)}${'p50'.padStart(9)}${'p95'.padStart(9)}\n`);
      let worst = 0;
      for (const [name, query, goal] of scenarios) {
        if (Date.now() > DEADLINE) throw new Error('the benchmark ran past its deadline');
        for (let i = 0; i < 5; i += 1) await get(query);
        const times: number[] = [];
        let rows = 0;
        for (let i = 0; i < RUNS; i += 1) {
          const t0 = performance.now();
          rows = (await get(query)).data.length;
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        const p50 = percentile(times, 50);
        if (goal) worst = Math.max(worst, p50);
        const line = `${name.padEnd(44)}${String(rows).padStart(6)}${p50.toFixed(2).padStart(9)}${percentile(times, 95)
          .toFixed(2)
          .padStart(9)}`;
        process.stdout.write(`${line}\n`);
        summary.push(`${dialect.padEnd(9)}${line}`);
      }
      process.stdout.write(
        `A word in most conversations, and one in none: p50 at most ${worst.toFixed(2)} ms ` +
          `(${worst < SEARCH_GOAL_MS ? 'under' : 'OVER'} the goal of ${SEARCH_GOAL_MS} ms)\n`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    if (process.env.INBOX_KEEP === '1') {
      process.stdout.write(`Kept ${postgres?.url ?? join(dir, 'inbox.db')}\n`);
    } else {
      await postgres?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return summary;
}

const lines: string[] = [];
for (const dialect of DIALECTS) lines.push(...(await bench(dialect)));
process.stdout.write(`\nAll engines (p50 and p95 in ms):\n${lines.join('\n')}\n`);
