// npm run bench:instructions: the user-space instructions each server runs per request of a hot path, counted by
// valgrind's callgrind — Plaudit's and the bare route's (bench/bare-server.ts). Unlike req/s and CPU time, the count
// does not move with what else the machine runs: use it to compare two versions of the code. One connection, requests
// one after another against 127.0.0.1; instrumentation starts after a warm-up, so start-up and the JIT's first
// compilations are left out. Needs valgrind (Debian's package). Bounded; stops by itself.
// BENCH_SCENARIOS=page-get,page-post,dixa-submit,feedback picks scenarios; BENCH_WARMUP and BENCH_REQUESTS set the counts.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrganization, freePort, json, openInvitePage, plauditEnv, root, stop } from './lib.js';

const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'page-get,page-post,dixa-submit,feedback').split(',');
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const BARE_CODE = 'bench-code-0000000000000';
const dir = mkdtempSync(join(tmpdir(), 'plaudit-instructions-'));
// vgdb names its files after the user and host it reads from the environment; both ends must agree.
const vgdbEnv = { ...process.env, USER: 'plaudit-bench', LOGNAME: 'plaudit-bench', HOST: '127.0.0.1' };

type Send = () => Promise<Response>;

interface Server {
  child: ChildProcess;
  out: string;
}

async function underCallgrind(name: string, args: string[], env: NodeJS.ProcessEnv, readyUrl: string): Promise<Server> {
  const out = join(dir, `${name}.callgrind`);
  const child = spawn(
    'valgrind',
    [
      '--tool=callgrind',
      `--callgrind-out-file=${out}`,
      '--instr-atstart=no',
      '--vgdb=yes',
      `--vgdb-prefix=${join(dir, 'vgdb')}`,
      // The JIT writes code it then runs: valgrind must see it change.
      '--smc-check=all-non-file',
      process.execPath,
      ...args,
    ],
    { env: { ...env, ...vgdbEnv }, stdio: ['ignore', 'ignore', 'ignore'] },
  );
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} under valgrind`);
    try {
      await fetch(readyUrl);
      return { child, out };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not answer under valgrind within 5 minutes`);
}

function callgrind(server: Server, ...command: string[]): void {
  execFileSync('callgrind_control', [`--vgdb-prefix=${join(dir, 'vgdb')}`, ...command, String(server.child.pid)], {
    env: vgdbEnv,
    stdio: 'ignore',
  });
}

/** Instructions per request of `send`, counted over REQUESTS after WARMUP uncounted ones. */
async function count(server: Server, send: Send): Promise<number> {
  const run = async (times: number) => {
    for (let i = 0; i < times; i += 1) {
      const response = await send();
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${response.url} answered ${response.status}`);
    }
  };
  await run(WARMUP);
  callgrind(server, '-i', 'on');
  await run(REQUESTS);
  callgrind(server, '-i', 'off');
  callgrind(server, '-d');
  await stop(server.child);
  let total = 0;
  for (const file of readdirSync(dir).filter((name) => name.startsWith(`${server.out.split('/').pop()}`))) {
    const totals = /^totals: (\d+)/m.exec(readFileSync(join(dir, file), 'utf8'));
    if (totals) total += Number(totals[1]);
    rmSync(join(dir, file));
  }
  return total / REQUESTS;
}

/** Plaudit's request of a scenario, on data the scenario makes through the API first. */
async function plauditRequest(scenario: string, url: string, apiKey: string): Promise<Send> {
  const api = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const conversation = (
    await json<{ id: number; messages: Array<{ uid: string }> }>(
      await fetch(`${url}/v1/conversations`, {
        method: 'POST',
        headers: api,
        body: JSON.stringify({
          channel: 'widget_chat',
          agent_type: 'ai',
          agent_id: '5b0e6f2a-6a4f-4b8e-9a56-2f7d0c1e9a11',
          messages: [
            { role: 'user', text: 'Where is my order?' },
            { role: 'ai', text: 'It left the warehouse this morning.' },
          ],
        }),
      }),
    )
  ).data;
  switch (scenario) {
    case 'page-get': {
      const { code } = await openInvitePage(url, conversation, api);
      return () => fetch(`${url}/r/${code}`);
    }
    case 'page-post': {
      const { code, cookie, token } = await openInvitePage(url, conversation, api);
      const comment = encodeURIComponent('Friendly, but it took a while.');
      const body = `stars=3&comment=${comment}&csrf_token=${encodeURIComponent(token)}`;
      const headers = { 'content-type': 'application/x-www-form-urlencoded', cookie };
      return () => fetch(`${url}/r/${code}`, { method: 'POST', headers, body });
    }
    case 'dixa-submit': {
      const dixa = { authorization: apiKey, 'content-type': 'application/json' };
      const offer = (
        await json<{ id: string }>(
          await fetch(`${url}/beta/conversations/${conversation.id}/ratings/offer`, {
            method: 'POST',
            headers: dixa,
            body: JSON.stringify({ ratingType: 'Nps' }),
          }),
        )
      ).data;
      const body = JSON.stringify({ ratingResult: { value: 8, _type: 'Nps' }, comment: 'Quick answer' });
      return () =>
        fetch(`${url}/beta/conversations/${conversation.id}/ratings/${offer.id}/submit`, {
          method: 'POST',
          headers: dixa,
          body,
        });
    }
    case 'feedback': {
      const body = JSON.stringify({ rating: 'dislike' });
      const message = conversation.messages[1]!.uid;
      return () => fetch(`${url}/v1/messages/${message}/feedback`, { method: 'POST', headers: api, body });
    }
    default:
      throw new Error(`no scenario ${scenario}`);
  }
}

function bareRequest(scenario: string, url: string): Send {
  const json = { 'content-type': 'application/json' };
  switch (scenario) {
    case 'page-get':
      return () => fetch(`${url}/page/${BARE_CODE}`);
    case 'page-post': {
      const body = `stars=3&comment=${encodeURIComponent('Friendly, but it took a while.')}`;
      const headers = { 'content-type': 'application/x-www-form-urlencoded' };
      return () => fetch(`${url}/page/${BARE_CODE}`, { method: 'POST', headers, body });
    }
    case 'dixa-submit': {
      const body = JSON.stringify({ ratingResult: { value: 8, _type: 'Nps' }, comment: 'Quick answer' });
      return () => fetch(`${url}/ratings/${BARE_CODE}/submit`, { method: 'POST', headers: json, body });
    }
    default: {
      const body = JSON.stringify({ rating: 'dislike' });
      return () => fetch(`${url}/messages/bench/feedback`, { method: 'POST', headers: json, body });
    }
  }
}

async function main(): Promise<void> {
  execFileSync('npm', ['run', 'build:server', '--silent'], { cwd: root, stdio: 'inherit' });
  for (const scenario of SCENARIOS) {
    const env = plauditEnv(join(dir, `${scenario}.db`));
    const org = createOrganization(env);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const plaudit = await underCallgrind(
      `plaudit-${scenario}`,
      [join(root, 'bin/plaudit.js'), 'serve'],
      { ...env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url },
      `${url}/health`,
    );
    const plauditCount = await count(plaudit, await plauditRequest(scenario, url, org.apiKey));

    const barePort = await freePort();
    const bareUrl = `http://127.0.0.1:${barePort}`;
    // The bare pages are as large as Plaudit's (bench/run.ts measures the two sizes; these are its figures).
    const bare = await underCallgrind(
      `bare-${scenario}`,
      ['--import', 'tsx', join(root, 'bench/bare-server.ts'), join(dir, `${scenario}-bare.db`), String(barePort)],
      { ...process.env, BARE_PAGE_BYTES: '13736', BARE_ANSWER_BYTES: '9292' },
      `${bareUrl}/`,
    );
    const bareCount = await count(bare, bareRequest(scenario, bareUrl));
    const million = (n: number) => (n / 1e6).toFixed(3);
    console.log(
      `${scenario.padEnd(12)} Plaudit ${million(plauditCount)} M  bare ${million(bareCount)} M  instructions per request` +
        `  (bare / Plaudit ${(bareCount / plauditCount).toFixed(2)}; ${REQUESTS} requests after ${WARMUP})`,
    );
  }
}

try {
  await main();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
