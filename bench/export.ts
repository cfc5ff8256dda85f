// npx tsx bench/export.ts: streamed exports of a large organization, downloaded over HTTP from the real server (a
// child process), with the server's resident memory sampled every 50 ms. SQLite in a temporary directory, then
// PostgreSQL in a fresh database when one answers at PLAUDIT_TEST_PG_URL (dropped afterwards). Talks to 127.0.0.1
// only, bounded in time, removes what it made.
//
//   BENCH_EXPORT_ROWS      ratings and feedback records to generate (default 1,000,000)
//   BENCH_EXPORT_DIALECTS  sqlite,postgres (default both)
//   BENCH_SERVER           built (default: `npm run build`, then bin/plaudit.js), tsx (src/cli/main.ts, no build; tsx
//                          itself adds some 80 MB of RSS), or the path of a compiled cli/main.js to run as it is
import { execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseTarget } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { generateDataset, type Dataset } from './dataset.js';
import { freePort, startProcess, stop } from './lib.js';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
const DIALECTS = (process.env.BENCH_EXPORT_DIALECTS ?? 'sqlite,postgres').split(',').map((d) => d.trim());
const SERVER = process.env.BENCH_SERVER ?? 'built';
const PG_ADMIN_URL = process.env.PLAUDIT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** The whole run, generation included, ends by then. */
const DEADLINE_MS = Number(process.env.BENCH_EXPORT_TIMEOUT_S ?? 1800) * 1000;
const GOAL_ROWS_PER_SECOND = 100_000;
const GOAL_RSS_MB = 200;
const root = new URL('..', import.meta.url).pathname;

interface Measured {
  path: string;
  rows: number;
  expected: number;
  bytes: number;
  seconds: number;
  peakRssMb: number;
  idleRssMb: number;
  /** Latencies (ms) of small API requests made every 25 ms during the download: do other requests get through? */
  probe: { count: number; p50: number; max: number };
}

const children = new Set<ChildProcess>();
const cleanups: Array<() => Promise<void> | void> = [];

/** The resident set of a process, in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** Downloads one export, counting its records as they arrive, while sampling the server's memory every 50 ms. */
async function download(base: string, path: string, key: string, pid: number, expected: number): Promise<Measured> {
  const idleRssMb = rssMb(pid);
  let peakRssMb = idleRssMb;
  const sampler = setInterval(() => {
    try {
      peakRssMb = Math.max(peakRssMb, rssMb(pid));
    } catch {
      // The process is gone; the download will fail and say so.
    }
  }, 50);
  // Meanwhile, a small authenticated query every 25 ms, as other clients would make.
  const latencies: number[] = [];
  let downloading = true;
  const probing = (async () => {
    while (downloading) {
      const sent = performance.now();
      const answer = await fetch(`${base}/v1/conversations?limit=1`, { headers: { authorization: `Bearer ${key}` } });
      await answer.arrayBuffer();
      if (!answer.ok) throw new Error(`GET /v1/conversations during the export: ${answer.status}`);
      latencies.push(performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  // Awaited once the download is done; until then a failure must not count as unhandled.
  probing.catch(() => undefined);
  const started = performance.now();
  try {
    const response = await fetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${key}` },
      signal: AbortSignal.timeout(10 * 60_000),
    });
    if (!response.ok || !response.body) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    const csv = path.endsWith('.csv');
    let records = 0;
    let bytes = 0;
    let previous = 0;
    // CSV records end with CRLF (a bare LF may sit inside a quoted comment); JSON Lines end with LF.
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      const bytesOf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      bytes += chunk.length;
      for (let at = bytesOf.indexOf(10); at >= 0; at = bytesOf.indexOf(10, at + 1)) {
        if (!csv || (at > 0 ? bytesOf[at - 1] : previous) === 13) records += 1;
      }
      previous = bytesOf[bytesOf.length - 1] ?? previous;
    }
    const seconds = (performance.now() - started) / 1000;
    downloading = false;
    await probing;
    latencies.sort((a, b) => a - b);
    const probe = {
      count: latencies.length,
      p50: latencies[Math.floor(latencies.length / 2)] ?? 0,
      max: latencies[latencies.length - 1] ?? 0,
    };
    return { path, rows: csv ? records - 1 : records, expected, bytes, seconds, peakRssMb, idleRssMb, probe };
  } finally {
    downloading = false;
    clearInterval(sampler);
  }
}

async function startServer(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  const entry =
    SERVER === 'tsx'
      ? ['--import', 'tsx', join(root, 'src/cli/main.ts')]
      : [SERVER === 'built' ? join(root, 'bin/plaudit.js') : SERVER];
  const [command, args] = [process.execPath, [...entry, 'serve']];
  const child = await startProcess(command, args, env, `${url}/health`);
  children.add(child);
  return { child, url };
}

/** Generates the dataset into the database, then serves it and downloads the exports. */
async function run(dialect: string, target: DatabaseTarget, databaseUrl: string): Promise<Measured[]> {
  const database = openDatabase(target);
  let dataset: Dataset;
  try {
    await migrateToLatest(database.db);
    const started = performance.now();
    dataset = await generateDataset(database, { ratings: ROWS, feedback: ROWS, seed: 42 });
    const seconds = (performance.now() - started) / 1000;
    const { counts } = dataset;
    process.stdout.write(
      `${dialect}: generated ${counts.ratings} ratings (${counts.ratingQuestions} questions), ${counts.conversations} ` +
        `conversations, ${counts.messages} messages, ${counts.feedback} feedback records in ${seconds.toFixed(1)} s\n`,
    );
  } finally {
    await database.close();
  }
  const results: Measured[] = [];
  for (const [path, expected] of [
    ['/v1/exports/ratings.csv', dataset.counts.ratingQuestions],
    ['/v1/exports/feedback.jsonl', dataset.counts.feedback],
  ] as const) {
    // A server of its own per download, so that each starts from the same idle memory: V8 collects an export's
    // garbage lazily, and what the previous download left would count against the next.
    const server = await startServer(databaseUrl);
    try {
      const measured = await download(server.url, path, dataset.apiKey, server.child.pid!, expected);
      results.push(measured);
      process.stdout.write(`${dialect}: ${line(measured)}\n`);
    } finally {
      await stop(server.child);
      children.delete(server.child);
    }
  }
  return results;
}

function line(m: Measured): string {
  const rate = m.rows / m.seconds;
  return (
    `${m.path.padEnd(28)} ${String(m.rows).padStart(9)} rows${m.rows === m.expected ? '' : ` (EXPECTED ${m.expected})`}  ` +
    `${(m.bytes / 1e6).toFixed(0).padStart(5)} MB  ${m.seconds.toFixed(2).padStart(6)} s  ` +
    `${Math.round(rate).toLocaleString('en').padStart(9)} rows/s  RSS ${m.idleRssMb.toFixed(0)} -> peak ` +
    `${m.peakRssMb.toFixed(0)} MB  meanwhile GET /v1/conversations p50 ${m.probe.p50.toFixed(1)} ms, max ` +
    `${m.probe.max.toFixed(1)} ms (${m.probe.count})`
  );
}

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  if (SERVER === 'built') execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  const summary: string[] = [];
  let failed = false;

  if (DIALECTS.includes('sqlite')) {
    const dir = mkdtempSync(join(tmpdir(), 'plaudit-bench-export-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'plaudit.db');
    const results = await run('sqlite', { dialect: 'sqlite', path }, `sqlite:${path}`);
    rmSync(dir, { recursive: true, force: true });
    for (const m of results) {
      const rate = m.rows / m.seconds;
      const ok = m.rows === m.expected && rate >= GOAL_ROWS_PER_SECOND && m.peakRssMb < GOAL_RSS_MB;
      failed ||= !ok;
      summary.push(`SQLite      ${line(m)}  ${ok ? 'meets' : 'MISSES'} the goal`);
    }
  }

  if (DIALECTS.includes('postgres')) {
    if (await postgresAnswers()) {
      const name = `plaudit_bench_export_${process.pid}_${randomBytes(3).toString('hex')}`;
      await admin(`create database ${name}`);
      const drop = () => admin(`drop database if exists ${name} with (force)`);
      cleanups.push(drop);
      const url = new URL(PG_ADMIN_URL);
      url.pathname = `/${name}`;
      const results = await run('postgres', { dialect: 'postgres', url: url.toString() }, url.toString());
      await drop();
      for (const m of results) {
        failed ||= m.rows !== m.expected;
        summary.push(`PostgreSQL  ${line(m)}`);
      }
    } else {
      summary.push(`PostgreSQL  skipped: nothing answers at ${PG_ADMIN_URL.replace(/\/\/[^@]*@/, '//')}`);
    }
  }

  process.stdout.write(
    `\nExports of ${ROWS.toLocaleString('en')} ratings and feedback records, downloaded over HTTP from 127.0.0.1 ` +
      `(goal on SQLite: over ${GOAL_ROWS_PER_SECOND.toLocaleString('en')} rows/s, server RSS under ${GOAL_RSS_MB} MB):\n` +
      `${summary.join('\n')}\n`,
  );
  if (failed) process.exitCode = 1;
}

async function cleanUp(): Promise<void> {
  for (const child of children) await stop(child);
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch {
      // Best effort: a database already dropped, a directory already gone.
    }
  }
}

const deadline = setTimeout(() => {
  process.stderr.write(`bench/export.ts: still running after ${DEADLINE_MS / 1000} s; stopping.\n`);
  void cleanUp().finally(() => process.exit(1));
}, DEADLINE_MS);
deadline.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

try {
  await main();
} finally {
  await cleanUp();
  clearTimeout(deadline);
}
