// npm run bench: Plaudit's hot paths on SQLite, each against the floor of this stack — a bare Fastify route doing one
// prepared better-sqlite3 statement (bench/bare-server.ts) — measured in the same run, alternating, against 127.0.0.1
// only. Bounded in time; stops by itself. BENCH_SCENARIOS=messages,page-get,page-post,dixa-submit picks scenarios;
// BENCH_SECONDS and BENCH_ROUNDS shorten a run; BENCH_BUILD=server builds only the server (none: no build);
// BENCH_PROFILE=DIR runs Plaudit under `node --cpu-prof` and leaves its .cpuprofile in DIR (see bench/profile.ts).
// pg-messages runs on PostgreSQL (BENCH_PG_URL, an admin URL; a database is made for the run and dropped after it).
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createOrganization,
  freePort,
  json,
  measure,
  openInvitePage,
  plauditEnv,
  root,
  startProcess,
  stop,
  type Measured,
} from './lib.js';
import { startPostgresPair, type PostgresPair } from './postgres.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SCENARIOS = (
  process.env.BENCH_SCENARIOS ?? 'messages,feedback,messages-get,page-get,page-post,dixa-submit,pg-messages'
).split(',');
const BARE_CODE = 'bench-code-0000000000000';
const dir = mkdtempSync(join(tmpdir(), 'plaudit-bench-'));

interface Target {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

interface Scenario {
  name: string;
  title: string;
  plaudit: Target;
  bare: Target;
  goal?: number;
  /** The servers measured, when not the SQLite pair. */
  processes?: { bare: ChildProcess; plaudit: ChildProcess };
}

function mean(runs: Measured[]): Measured {
  const average = (pick: (m: Measured) => number) => runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  return {
    requestsPerSecond: average((m) => m.requestsPerSecond),
    p50: average((m) => m.p50),
    p99: average((m) => m.p99),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    cpuPerRequest: runs.every((run) => run.cpuPerRequest !== undefined) ? average((m) => m.cpuPerRequest!) : undefined,
  };
}

function cpu(measured: Measured): string {
  return measured.cpuPerRequest === undefined ? '' : `  CPU ${measured.cpuPerRequest.toFixed(0)} µs/request`;
}

/** Node's flags to profile Plaudit's CPU, when BENCH_PROFILE names a directory; the profile is written at exit. */
function profileArgs(): string[] {
  const into = process.env.BENCH_PROFILE;
  return into ? ['--cpu-prof', `--cpu-prof-dir=${into}`, '--cpu-prof-interval=200'] : [];
}

/** The bytes of the thank-you page that answering a rating page of a new invite sends back. */
async function answerSize(
  plauditUrl: string,
  newConversation: () => Promise<{ id: number }>,
  api: Record<string, string>,
  formBody: string,
): Promise<number> {
  const { code, cookie, token } = await openInvitePage(plauditUrl, await newConversation(), api);
  const answer = await fetch(`${plauditUrl}/r/${code}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: `${formBody}&csrf_token=${encodeURIComponent(token)}`,
  });
  const bytes = Buffer.byteLength(await answer.text());
  if (answer.status !== 200) throw new Error(`answering a rating page answered ${answer.status}`);
  return bytes;
}

async function main(): Promise<void> {
  const build = process.env.BENCH_BUILD ?? 'all';
  if (build !== 'none') {
    execFileSync('npm', ['run', build === 'server' ? 'build:server' : 'build', '--silent'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  const env = plauditEnv(join(dir, 'plaudit.db'));
  const org = createOrganization(env);

  const [plauditPort, barePort] = [await freePort(), await freePort()];
  const plauditUrl = `http://127.0.0.1:${plauditPort}`;
  const bareUrl = `http://127.0.0.1:${barePort}`;
  const plaudit = await startProcess(
    process.execPath,
    [...profileArgs(), join(root, 'bin/plaudit.js'), 'serve'],
    { ...env, PORT: String(plauditPort), HOST: '127.0.0.1', PUBLIC_URL: plauditUrl },
    `${plauditUrl}/health`,
  );
  const api = { authorization: `Bearer ${org.apiKey}`, 'content-type': 'application/json' };
  /** A widget conversation with an agent: what a rating needs to be offered. */
  const newConversation = async () =>
    (
      await json(
        await fetch(`${plauditUrl}/v1/conversations`, {
          method: 'POST',
          headers: api,
          body: JSON.stringify({ channel: 'widget_chat', agent_id: '5b0e6f2a-6a4f-4b8e-9a56-2f7d0c1e9a11' }),
        }),
      )
    ).data as { id: number };
  const conversation = await newConversation();
  const { code: pageCode, html, cookie, token } = await openInvitePage(plauditUrl, conversation, api);
  // Dixa's offer goes to a conversation of its own: an offer joins the conversation's open survey, and the rating
  // page's answer (stars only) would then miss the NPS question the offer added to it.
  const dixaConversation = await newConversation();
  const offer = (
    await json(
      await fetch(`${plauditUrl}/beta/conversations/${dixaConversation.id}/ratings/offer`, {
        method: 'POST',
        headers: { authorization: org.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ ratingType: 'Nps' }),
      }),
    )
  ).data as { id: string };

  // A conversation of 200 messages, with feedback on some, for the read scenario; a message to send feedback on.
  const long = (
    await json(
      await fetch(`${plauditUrl}/v1/conversations`, {
        method: 'POST',
        headers: api,
        body: JSON.stringify({
          agent_type: 'ai',
          messages: Array.from({ length: 200 }, (_, i) => ({
            role: i % 2 ? 'ai' : 'user',
            text: `Message ${i} of a long support conversation.`,
          })),
        }),
      }),
    )
  ).data as { id: number; messages: Array<{ uid: string }> };
  for (const message of long.messages.slice(1, 40)) {
    await json(
      await fetch(`${plauditUrl}/v1/messages/${message.uid}/feedback`, {
        method: 'POST',
        headers: api,
        body: JSON.stringify({ rating: 'like' }),
      }),
    );
  }
  const rated = long.messages[1]!.uid;

  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const formBody = `stars=3&comment=${encodeURIComponent('Friendly, but it took a while.')}`;
  // The bare side sends pages as large as Plaudit's rating page and its answer (the thank-you page, measured on an
  // invite of its own), so that both sides write the same bytes.
  const answered = await answerSize(plauditUrl, newConversation, api, formBody);
  const bare = await startProcess(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench/bare-server.ts'), join(dir, 'bare.db'), String(barePort)],
    { ...process.env, BARE_PAGE_BYTES: String(Buffer.byteLength(html)), BARE_ANSWER_BYTES: String(answered) },
    `${bareUrl}/`,
  );
  const submitBody = JSON.stringify({ ratingResult: { value: 8, _type: 'Nps' }, comment: 'Quick answer' });
  const all: Scenario[] = [
    {
      name: 'messages',
      title: 'POST /v1/conversations/{id}/messages',
      goal: 0.8,
      plaudit: {
        url: `${plauditUrl}/v1/conversations/${conversation.id}/messages`,
        method: 'POST',
        headers: api,
        body: JSON.stringify({ role: 'user', text: 'Where is my order? It was due yesterday.' }),
      },
      bare: {
        url: `${bareUrl}/conversations/${conversation.id}/messages`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'user', text: 'Where is my order? It was due yesterday.' }),
      },
    },
    {
      name: 'feedback',
      title: 'POST /v1/messages/{uid}/feedback (a dislike)',
      goal: 0.8,
      plaudit: {
        url: `${plauditUrl}/v1/messages/${rated}/feedback`,
        method: 'POST',
        headers: api,
        body: JSON.stringify({ rating: 'dislike' }),
      },
      bare: {
        url: `${bareUrl}/messages/${rated}/feedback`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rating: 'dislike' }),
      },
    },
    {
      name: 'messages-get',
      title: 'GET /v1/conversations/{id}/messages (200 messages, with feedback totals)',
      plaudit: { url: `${plauditUrl}/v1/conversations/${long.id}/messages`, method: 'GET', headers: api },
      bare: { url: `${bareUrl}/conversations/0/messages`, method: 'GET' },
    },
    {
      name: 'page-get',
      title: `GET /r/{code} (rating page, ${Buffer.byteLength(html)} bytes)`,
      plaudit: { url: `${plauditUrl}/r/${pageCode}`, method: 'GET' },
      bare: { url: `${bareUrl}/page/${BARE_CODE}`, method: 'GET' },
    },
    {
      name: 'page-post',
      title: `POST /r/{code} (answer the rating page, ${answered} bytes back)`,
      plaudit: {
        url: `${plauditUrl}/r/${pageCode}`,
        method: 'POST',
        headers: { ...form, cookie },
        body: `${formBody}&csrf_token=${encodeURIComponent(token)}`,
      },
      bare: { url: `${bareUrl}/page/${BARE_CODE}`, method: 'POST', headers: form, body: formBody },
    },
    {
      name: 'dixa-submit',
      title: 'POST /beta/conversations/{id}/ratings/{ratingId}/submit (Dixa)',
      plaudit: {
        url: `${plauditUrl}/beta/conversations/${dixaConversation.id}/ratings/${offer.id}/submit`,
        method: 'POST',
        headers: { authorization: org.apiKey, 'content-type': 'application/json' },
        body: submitBody,
      },
      bare: {
        url: `${bareUrl}/ratings/${BARE_CODE}/submit`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: submitBody,
      },
    },
  ];
  let postgres: PostgresPair | undefined;
  if (SCENARIOS.includes('pg-messages')) {
    postgres = await startPostgresPair({
      root,
      adminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      env,
      nodeArgs: profileArgs(),
    });
    const pgApi = { authorization: `Bearer ${postgres.apiKey}`, 'content-type': 'application/json' };
    const pgConversation = (
      await json(
        await fetch(`${postgres.plauditUrl}/v1/conversations`, {
          method: 'POST',
          headers: pgApi,
          body: JSON.stringify({ channel: 'widget_chat' }),
        }),
      )
    ).data as { id: number };
    const message = JSON.stringify({ role: 'user', text: 'Where is my order? It was due yesterday.' });
    all.push({
      name: 'pg-messages',
      title: 'PostgreSQL: POST /v1/conversations/{id}/messages (bare: Fastify + one pg insert)',
      goal: 0.8,
      plaudit: {
        url: `${postgres.plauditUrl}/v1/conversations/${pgConversation.id}/messages`,
        method: 'POST',
        headers: pgApi,
        body: message,
      },
      bare: {
        url: `${postgres.bareUrl}/conversations/${pgConversation.id}/messages`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: message,
      },
      processes: postgres.processes,
    });
  }
  const scenarios = all.filter((scenario) => SCENARIOS.includes(scenario.name));

  const lines: string[] = [];
  let failed = false;
  try {
    for (const scenario of scenarios) {
      const runs: Record<'bare' | 'plaudit', Measured[]> = { bare: [], plaudit: [] };
      const servers = scenario.processes ?? { bare, plaudit };
      for (const side of ['bare', 'plaudit'] as const) {
        await measure({ ...scenario[side], connections: CONNECTIONS, seconds: 2 });
      }
      for (let round = 1; round <= ROUNDS; round += 1) {
        for (const side of ['bare', 'plaudit'] as const) {
          const run = await measure({
            ...scenario[side],
            connections: CONNECTIONS,
            seconds: SECONDS,
            server: servers[side],
          });
          runs[side].push(run);
          process.stdout.write(
            `${scenario.name} round ${round} ${side.padEnd(7)} ${run.requestsPerSecond.toFixed(0)} req/s  p99 ${run.p99} ms  errors ${run.errors}${cpu(run)}\n`,
          );
        }
      }
      const floor = mean(runs.bare);
      const ours = mean(runs.plaudit);
      const ratio = ours.requestsPerSecond / floor.requestsPerSecond;
      const cpuRatio =
        ours.cpuPerRequest !== undefined && floor.cpuPerRequest !== undefined
          ? `  (CPU per request: ${(ours.cpuPerRequest / floor.cpuPerRequest).toFixed(2)} x bare)`
          : '';
      failed ||= floor.errors > 0 || ours.errors > 0;
      lines.push(
        `${scenario.title}`,
        `  bare Fastify + one prepared statement ${floor.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${floor.p50.toFixed(1)} ms  p99 ${floor.p99.toFixed(1)} ms  errors ${floor.errors}${cpu(floor)}`,
        `  Plaudit                               ${ours.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${ours.p50.toFixed(1)} ms  p99 ${ours.p99.toFixed(1)} ms  errors ${ours.errors}${cpu(ours)}`,
        `  ratio                                 ${ratio.toFixed(2)}${scenario.goal ? ` (goal: at least ${scenario.goal.toFixed(2)})` : ''}${cpuRatio}`,
      );
    }
  } finally {
    await postgres?.close();
    await stop(plaudit);
    await stop(bare);
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(
    `\nSQLite (PostgreSQL where named), ${CONNECTIONS} connections, ${ROUNDS} x ${SECONDS} s per side and scenario (mean):\n${lines.join('\n')}\n`,
  );
  if (failed) {
    process.stderr.write('Some requests failed (non-2xx, errors or timeouts): the figures above are not valid.\n');
    process.exitCode = 1;
  }
}

await main();
