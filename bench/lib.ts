import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';

export interface Measured {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU time the server process spent per request answered, in µs (Linux; undefined elsewhere). */
  cpuPerRequest?: number;
}

/**
 * CPU seconds a process has used so far, every thread counted (user and system), from /proc; undefined where there is
 * no /proc. Throughput on a machine shared with other work says more about the neighbours than about the server; the
 * CPU a request costs the server does not.
 */
export function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** Linux's USER_HZ, which /proc reports times in. */
const CLOCK_TICKS = 100;

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a server process and waits until `readyUrl` answers, for at most 30 s. */
export async function startProcess(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  readyUrl: string,
): Promise<ChildProcess> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    try {
      await fetch(readyUrl);
      return child;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`${args.join(' ')} did not answer at ${readyUrl} within 30 s`);
}

/** Runs autocannon for a bounded time against 127.0.0.1 and returns throughput and latency. */
export async function measure(options: {
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  /** The server's process, to measure the CPU it spends. */
  server?: ChildProcess;
}): Promise<Measured> {
  const cpuBefore = cpuSeconds(options.server?.pid);
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    body: options.body,
    headers: options.headers,
    connections: options.connections,
    duration: options.seconds,
  });
  const cpuAfter = cpuSeconds(options.server?.pid);
  const answered = result.requests.total;
  if (result.non2xx > 0) {
    // Which answers they were, so that a failing scenario says why.
    const codes = Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, stats]) => `${code} ×${(stats as { count: number }).count}`);
    process.stderr.write(`  ${options.url}: answers other than 2xx: ${codes.join(', ')}\n`);
  }
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    cpuPerRequest:
      cpuBefore === undefined || cpuAfter === undefined || answered === 0
        ? undefined
        : ((cpuAfter - cpuBefore) * 1e6) / answered,
  };
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

/** The checkout the benchmarks run. */
export const root = new URL('..', import.meta.url).pathname;

/** The environment of a Plaudit server on the SQLite file `database`, its limits out of the benchmark's way. */
export function plauditEnv(database: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: `sqlite:${database}`,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    // The rate limit protects the public page from one address; the benchmark is one address on purpose.
    RATING_PAGE_RATE_LIMIT: '1000000000',
    // Likewise the per-key API limit: the benchmark drives one key as hard as it can.
    API_RATE_LIMIT: '1000000000',
  };
}

/** A new organization in the database `env` names, made by the command line, with its API key. */
export function createOrganization(env: NodeJS.ProcessEnv): { apiKey: string } {
  const output = execFileSync(
    process.execPath,
    [join(root, 'bin/plaudit.js'), 'org', 'create', '--name', 'Bench', '--json'],
    { env },
  );
  return JSON.parse(output.toString()) as { apiKey: string };
}

/** The `data` of a successful answer; any other answer fails the run, with its body. */
export async function json<T = unknown>(response: Response): Promise<{ data: T }> {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as { data: T };
}

/**
 * The rating page of a new invite to the conversation, as a rater first opens it: its code, its HTML, and the CSRF
 * cookie and token it hands out.
 */
export async function openInvitePage(
  plauditUrl: string,
  conversation: { id: number },
  api: Record<string, string>,
): Promise<{ code: string; html: string; cookie: string; token: string }> {
  const invite = (
    await json<{ rating: { code: string } }>(
      await fetch(`${plauditUrl}/v1/conversations/${conversation.id}/rating-invites`, { method: 'POST', headers: api }),
    )
  ).data;
  const page = await fetch(`${plauditUrl}/r/${invite.rating.code}`);
  const html = await page.text();
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
  const token = /name="csrf_token" value="([^"]+)"/.exec(html)?.[1];
  if (!token || !cookie) throw new Error('the rating page handed out no CSRF token');
  return { code: invite.rating.code, html, cookie, token };
}
