/**
 * Analytics at size: generates N ratings and N message-feedback records in a SQLite file, builds the rollups, then
 * measures GET /v1/analytics/summary (also filtered by a prompt version and by a model: the version rollups) and
 * /v1/analytics/timeseries (a year, per day) against the plain query a reporting tool would run without rollups — one
 * aggregate over every answer of the range — in the same run.
 *
 *   npx tsx bench/analytics.ts                      # 100,000 and 1,000,000
 *   BENCH_ANALYTICS_SIZES=20000 npx tsx bench/analytics.ts
 *
 * Talks to no network: requests go through Fastify's inject, the full HTTP stack without a socket.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateDatabase } from '../src/migrate.js';
import { localDay } from '../src/modules/analytics/index.js';
import { generateDataset } from './dataset.js';

const sizes = (process.env.BENCH_ANALYTICS_SIZES ?? '100000,1000000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ANALYTICS_ROUNDS ?? 50);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(rounds: number, run: () => Promise<unknown>) {
  await run(); // warm the caches and the statement cache
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;

const rows: string[] = [];
for (const size of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'plaudit-bench-analytics-'));
  const path = join(dir, 'bench.db');
  const config = loadConfig({ DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: 'silent' });
  const database = openDatabase(config.database);
  try {
    await migrateDatabase(database);
    let start = performance.now();
    const dataset = await generateDataset(database, { ratings: size, feedback: size, days: 365, seed: 7 });
    const generated = performance.now() - start;
    const app = await buildApp({ config, database });
    start = performance.now();
    await app.services.analytics.rebuild(dataset.orgId);
    const rebuilt = performance.now() - start;
    const rollupRows = await database.db
      .selectFrom('analytics_rating_days')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();

    const to = localDay(new Date().toISOString(), 'UTC');
    const from = localDay(new Date(Date.now() - 364 * 86_400_000).toISOString(), 'UTC');
    const range = `from=${from}&to=${to}`;
    const headers = { authorization: `Bearer ${dataset.apiKey}` };
    const get = async (url: string) => {
      const response = await app.inject({ method: 'GET', url, headers });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      return response;
    };
    const fromUtc = `${from}T00:00:00.000Z`;
    const toUtc = new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000).toISOString();
    // Without rollups: one pass over every answer of the year, grouped as the summary needs it.
    const fullScanSummary = () =>
      sql`
        select q.code,
               count(*) as responses,
               sum(case when q.kind = 'stars' and q.value >= 4 then 1 else 0 end) as satisfied,
               sum(case when q.kind = 'nps' and q.value >= 9 then 1 else 0 end) as promoters,
               sum(case when q.kind = 'nps' and q.value <= 6 then 1 else 0 end) as detractors,
               sum(q.value) as value_sum
        from rating_questions q
        where q.org_id = ${dataset.orgId} and q.status = 'Rated'
          and q.answered_at >= ${fromUtc} and q.answered_at < ${toUtc}
        group by q.code`.execute(database.db);
    const fullScanSeries = () =>
      sql`
        select substr(q.answered_at, 1, 10) as day,
               count(*) as responses,
               sum(case when q.value >= 4 then 1 else 0 end) as satisfied
        from rating_questions q
        where q.org_id = ${dataset.orgId} and q.status = 'Rated' and q.kind = 'stars'
          and q.answered_at >= ${fromUtc} and q.answered_at < ${toUtc}
        group by substr(q.answered_at, 1, 10)`.execute(database.db);

    // The same summary for one prompt version, without its rollups: the answers of conversations it answered in.
    const fullScanVersion = () =>
      sql`
        select q.code, count(*) as responses, sum(case when q.value >= 4 then 1 else 0 end) as satisfied
        from rating_questions q
        join ratings r on r.id = q.rating_id
        where q.org_id = ${dataset.orgId} and q.status = 'Rated'
          and q.answered_at >= ${fromUtc} and q.answered_at < ${toUtc}
          and exists (select 1 from version_labels vl where vl.conversation_id = r.conversation_id
            and vl.dimension = 'prompt_version' and vl.value = 'v4')
        group by q.code`.execute(database.db);

    const scanRounds = Math.max(5, Math.round(ROUNDS / 5));
    const summary = await time(ROUNDS, () => get(`/v1/analytics/summary?${range}`));
    const series = await time(ROUNDS, () => get(`/v1/analytics/timeseries?${range}&interval=day&metric=csat`));
    const agents = await time(ROUNDS, () => get(`/v1/analytics/agents?${range}`));
    const version = await time(ROUNDS, () => get(`/v1/analytics/summary?${range}&prompt_version=v4`));
    const model = await time(ROUNDS, () => get(`/v1/analytics/summary?${range}&model=model-a`));
    const scanVersion = await time(scanRounds, fullScanVersion);
    const scanSummary = await time(scanRounds, fullScanSummary);
    const scanSeries = await time(scanRounds, fullScanSeries);
    const answers = JSON.parse((await get(`/v1/analytics/summary?${range}`)).body).data.csat.responses;
    rows.push(
      `| ${size.toLocaleString('en')} | ${fmt(summary.p50)} / ${fmt(summary.p95)} | ${fmt(series.p50)} / ${fmt(series.p95)} | ` +
        `${fmt(agents.p50)} | ${fmt(version.p50)} / ${fmt(version.p95)} | ${fmt(model.p50)} | ${fmt(scanSummary.p50)} | ` +
        `${fmt(scanSeries.p50)} | ${fmt(scanVersion.p50)} | ${Number(rollupRows.n).toLocaleString('en')} | ` +
        `${(generated / 1000).toFixed(1)} s / ${(rebuilt / 1000).toFixed(1)} s |`,
    );
    process.stdout.write(`${size} ratings: done (CSAT answers in the year: ${answers})\n`);
    await app.close();
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.stdout.write(
  `\nSQLite, a year of data, ${ROUNDS} requests each (p50 / p95); full scans: the same figures by one aggregate query\n\n` +
    '| Ratings (+ as many feedback) | summary | timeseries (365 days) | agents | summary, prompt_version=v4 | summary, model=model-a | ' +
    'full-scan summary | full-scan series | full-scan v4 | rollup rows | generate / rebuild |\n' +
    '|---|---|---|---|---|---|---|---|---|---|---|\n' +
    `${rows.join('\n')}\n`,
);
