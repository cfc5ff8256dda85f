// The PostgreSQL half of `npm run bench`: Plaudit and the bare floor (bench/bare-pg-server.ts) on one fresh database
// of their own, made for the run and dropped after it.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, startProcess, stop } from './lib.js';

export interface PostgresPair {
  plauditUrl: string;
  bareUrl: string;
  apiKey: string;
  processes: { bare: ChildProcess; plaudit: ChildProcess };
  close(): Promise<void>;
}

/** Starts Plaudit and the bare server on a new database of the server `adminUrl` names. */
export async function startPostgresPair(options: {
  root: string;
  adminUrl: string;
  env: NodeJS.ProcessEnv;
  nodeArgs: string[];
}): Promise<PostgresPair> {
  const name = `plaudit_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: options.adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(options.adminUrl);
  url.pathname = `/${name}`;
  const env = { ...options.env, DATABASE_URL: url.toString() };
  const { apiKey } = JSON.parse(
    execFileSync(
      process.execPath,
      [join(options.root, 'bin/plaudit.js'), 'org', 'create', '--name', 'Bench', '--json'],
      {
        env,
      },
    ).toString(),
  ) as { apiKey: string };
  const [plauditPort, barePort] = [await freePort(), await freePort()];
  const plauditUrl = `http://127.0.0.1:${plauditPort}`;
  const bareUrl = `http://127.0.0.1:${barePort}`;
  const plaudit = await startProcess(
    process.execPath,
    [...options.nodeArgs, join(options.root, 'bin/plaudit.js'), 'serve'],
    { ...env, PORT: String(plauditPort), HOST: '127.0.0.1', PUBLIC_URL: plauditUrl },
    `${plauditUrl}/health`,
  );
  const bare = await startProcess(
    process.execPath,
    ['--import', 'tsx', join(options.root, 'bench/bare-pg-server.ts'), url.toString(), String(barePort)],
    process.env,
    `${bareUrl}/`,
  );
  return {
    plauditUrl,
    bareUrl,
    apiKey,
    processes: { bare, plaudit },
    async close() {
      await stop(plaudit);
      await stop(bare);
      const cleanup = new pg.Client({ connectionString: options.adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name}`);
      await cleanup.end();
    },
  };
}
