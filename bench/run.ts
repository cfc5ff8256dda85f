// npm run bench: POST /v1/conversations/{id}/messages on SQLite against the floor of the stack (bare Fastify + one
// prepared better-sqlite3 insert), measured in the same run, alternating, against 127.0.0.1 only. Bounded in time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, measure, startProcess, stop, type Measured } from './lib.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'plaudit-bench-'));

function summarise(runs: Measured[]): Measured {
  const mean = (pick: (m: Measured) => number) => runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  return {
    requestsPerSecond: mean((m) => m.requestsPerSecond),
    p50: mean((m) => m.p50),
    p99: mean((m) => m.p99),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

async function main(): Promise<void> {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, 'plaudit.db')}`,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  };
  const org = JSON.parse(
    execFileSync(process.execPath, [join(root, 'bin/plaudit.js'), 'org', 'create', '--name', 'Bench', '--json'], {
      env,
    }).toString(),
  ) as { apiKey: string };

  const [plauditPort, barePort] = [await freePort(), await freePort()];
  const plaudit = {
    url: `http://127.0.0.1:${plauditPort}`,
    child: await startProcess(
      process.execPath,
      [join(root, 'bin/plaudit.js'), 'serve'],
      { ...env, PORT: String(plauditPort), HOST: '127.0.0.1' },
      `http://127.0.0.1:${plauditPort}/health`,
    ),
  };
  const bare = {
    url: `http://127.0.0.1:${barePort}`,
    child: await startProcess(
      process.execPath,
      ['--import', 'tsx', join(root, 'bench/bare-server.ts'), join(dir, 'bare.db'), String(barePort)],
      process.env,
      `http://127.0.0.1:${barePort}/`,
    ),
  };

  const headers = { authorization: `Bearer ${org.apiKey}`, 'content-type': 'application/json' };
  const created = await fetch(`${plaudit.url}/v1/conversations`, {
    method: 'POST',
    headers,
    body: '{"channel":"bench"}',
  });
  const conversation = ((await created.json()) as { data: { id: number } }).data;
  const body = JSON.stringify({ role: 'user', text: 'Where is my order? It was due yesterday.' });

  const targets = {
    bare: {
      url: `${bare.url}/conversations/${conversation.id}/messages`,
      headers: { 'content-type': 'application/json' },
    },
    plaudit: { url: `${plaudit.url}/v1/conversations/${conversation.id}/messages`, headers },
  };
  const results: Record<keyof typeof targets, Measured[]> = { bare: [], plaudit: [] };
  try {
    for (const [name, target] of Object.entries(targets)) {
      process.stdout.write(`warming up ${name}…\n`);
      await measure({ ...target, method: 'POST', body, connections: CONNECTIONS, seconds: 2 });
    }
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const [name, target] of Object.entries(targets) as Array<[keyof typeof targets, (typeof targets)['bare']]>) {
        const run = await measure({ ...target, method: 'POST', body, connections: CONNECTIONS, seconds: SECONDS });
        results[name].push(run);
        process.stdout.write(
          `round ${round} ${name.padEnd(8)} ${run.requestsPerSecond.toFixed(0)} req/s  p99 ${run.p99} ms\n`,
        );
      }
    }
  } finally {
    await stop(plaudit.child);
    await stop(bare.child);
    rmSync(dir, { recursive: true, force: true });
  }

  const floor = summarise(results.bare);
  const ours = summarise(results.plaudit);
  const ratio = ours.requestsPerSecond / floor.requestsPerSecond;
  process.stdout.write(
    `\nPOST a message on SQLite, ${CONNECTIONS} connections, ${ROUNDS} x ${SECONDS} s each (mean):\n` +
      `  bare Fastify + prepared insert  ${floor.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${floor.p50.toFixed(1)} ms  p99 ${floor.p99.toFixed(1)} ms  errors ${floor.errors}\n` +
      `  Plaudit POST …/messages         ${ours.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${ours.p50.toFixed(1)} ms  p99 ${ours.p99.toFixed(1)} ms  errors ${ours.errors}\n` +
      `  ratio                           ${ratio.toFixed(2)} (goal: at least 0.80)\n`,
  );
  if (floor.errors || ours.errors) process.exitCode = 1;
}

await main();
