import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dialect } from '../../src/db/database.js';
import { createPostgresDatabase } from './databases.js';

/** The compiled `plaudit` command, as a platform engineer runs it (needs `npm run build`). */
export const CLI = fileURLToPath(new URL('../../bin/plaudit.js', import.meta.url));

/** The longest any single wait in these tests may take, so that a broken build fails instead of hanging. */
export const WAIT_MS = 20_000;

/** Every child process still running: a last resort kills them when the test process exits. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** A database of its own for one test file: SQLite in a fresh directory, or a fresh PostgreSQL database. */
export async function freshDatabase(dialect: Dialect): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === 'postgres') return createPostgresDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'plaudit-'));
  return {
    url: `sqlite:${join(dir, 'plaudit.db')}`,
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Resolves when the child exits; rejects (and kills it) if that takes longer than `timeoutMs`. */
export function waitForExit(child: ChildProcess, timeoutMs = WAIT_MS): Promise<Exit> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode as NodeJS.Signals | null });
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`process ${child.pid} did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

function environment(databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', ...extra };
}

export interface CliResult extends Exit {
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Variables besides DATABASE_URL; LOG_LEVEL is `warn` unless given. */
  env?: Record<string, string>;
  /** How long the command may run: longer than WAIT_MS for one that seeds a demo on a busy machine. */
  timeoutMs?: number;
}

/** Runs `plaudit <args>` against the database and collects what it printed. */
export async function runCli(databaseUrl: string, args: string[], options: CliOptions = {}): Promise<CliResult> {
  const child = track(
    spawn(process.execPath, [CLI, ...args], {
      env: environment(databaseUrl, options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = await waitForExit(child, options.timeoutMs);
  // 'exit' can come before the pipes are drained.
  await Promise.all([
    new Promise((resolve) => (child.stdout!.readableEnded ? resolve(null) : child.stdout!.once('close', resolve))),
    new Promise((resolve) => (child.stderr!.readableEnded ? resolve(null) : child.stderr!.once('close', resolve))),
  ]);
  return { ...exit, stdout, stderr };
}

/** Runs a `--json` command that must succeed and returns what it printed, parsed. */
export async function runCliJson<T = any>(databaseUrl: string, args: string[], options: CliOptions = {}): Promise<T> {
  const result = await runCli(databaseUrl, [...args, '--json'], options);
  if (result.code !== 0) throw new Error(`plaudit ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout.trim()) as T;
}

export interface ServerProcess {
  readonly child: ChildProcess;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** Everything the server printed so far (its logs go to stdout), for failure messages. */
  output(): string;
  /** What the server printed on stderr so far. */
  stderr(): string;
  /** Calls the API with a key. */
  request(method: string, path: string, key?: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Ends the server at once (SIGKILL) and waits until it is gone; harmless when it is gone already. */
  kill(): Promise<Exit>;
}

export interface ServerOptions {
  /** Options after `serve`, such as `--demo`. */
  args?: string[];
  /** Variables besides DATABASE_URL, HOST and PORT; LOG_LEVEL is `warn` unless given. */
  env?: Record<string, string>;
  /** The working directory: where `--demo` keeps its credentials file. */
  cwd?: string;
  /**
   * false: the test does what it likes with `child.stdout` (reads it slowly, closes it, or never reads it — a stalled
   * log collector); `output()` then holds stderr only.
   */
  readStdout?: boolean;
  /** How long it may take to answer GET /health: longer than WAIT_MS for a start that seeds the demo first. */
  readyWithinMs?: number;
}

/** Starts `plaudit serve` on the database and a free port; resolves once GET /health answers 200. */
export async function startServer(databaseUrl: string, options: ServerOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = track(
    spawn(process.execPath, [CLI, 'serve', ...(options.args ?? [])], {
      env: environment(databaseUrl, { HOST: '127.0.0.1', PORT: String(port), ...options.env }),
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  let stderr = '';
  if (options.readStdout === false) child.stdout!.pause();
  else child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    stderr += chunk;
  });

  const server: ServerProcess = {
    child,
    url,
    output: () => output,
    stderr: () => stderr,
    async request(method, path, key, body) {
      const headers: Record<string, string> = {};
      if (key) headers.authorization = `Bearer ${key}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(WAIT_MS),
      });
      const text = await response.text();
      const type = response.headers.get('content-type') ?? '';
      return { status: response.status, body: type.includes('json') && text ? JSON.parse(text) : text };
    },
    async kill() {
      child.kill('SIGKILL');
      return waitForExit(child);
    },
  };

  const readyWithinMs = options.readyWithinMs ?? WAIT_MS;
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`plaudit serve exited (${child.exitCode ?? child.signalCode}) before it answered: ${output}`);
    }
    try {
      const health = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (health.status === 200) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`plaudit serve did not answer GET /health within ${readyWithinMs} ms: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
