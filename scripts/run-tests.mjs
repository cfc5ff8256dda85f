#!/usr/bin/env node
// Runs every test file with node's test runner, once per database dialect inside each file. PostgreSQL is probed
// first: without it the SQLite half runs and the run says loudly that PostgreSQL was skipped; with CI=true a missing
// PostgreSQL fails the run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { pathToFileURL } from 'node:url';
import { buildTests, planTestProcesses, TEST_BUILD } from './build-tests.mjs';

const adminUrl = process.env.PLAUDIT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ci = process.env.CI === 'true' || process.env.CI === '1';
const requested = (process.env.PLAUDIT_TEST_DIALECTS ?? 'sqlite,postgres').split(',').map((d) => d.trim());
const banner = (text) => `\n${'!'.repeat(78)}\n${text}\n${'!'.repeat(78)}\n`;

async function postgresAnswers() {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    process.stderr.write(`PostgreSQL at ${adminUrl.replace(/\/\/[^@]*@/, '//')} did not answer: ${error.message}\n`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

let dialects = requested;
let skippedPostgres = false;
if (requested.includes('postgres') && !(await postgresAnswers())) {
  if (ci) {
    process.stderr.write(banner('CI=true and PostgreSQL is not reachable: the PostgreSQL suites cannot run. Failing.'));
    process.exit(1);
  }
  dialects = requested.filter((d) => d !== 'postgres');
  skippedPostgres = true;
  process.stderr.write(banner('PostgreSQL is not reachable: running the SQLite suites only. PostgreSQL was SKIPPED.'));
}

const filter = process.argv.slice(2);
const files = ['src', 'test']
  .flatMap((root) => readdirSync(root, { recursive: true }).map((file) => join(root, String(file))))
  .filter((file) => file.endsWith('.test.ts'))
  .filter((file) => filter.length === 0 || filter.some((part) => file.includes(part)))
  .sort();
if (files.length === 0) {
  // Said at once: handed no files, node's test runner would look for tests everywhere and run them all.
  process.stderr.write(`No test file names ${filter.map((part) => `"${part}"`).join(' or ')}.\n`);
  process.exit(1);
}

// The test processes run the compiled twins of the files, several files to a process (see build-tests.mjs); stack
// traces name the .ts files.
await buildTests();
// The suites copy one migrated PostgreSQL database instead of each migrating its own (test/helpers/databases.ts).
const { createPostgresTemplate } = await import(pathToFileURL(join(TEST_BUILD, 'test/helpers/databases.js')).href);
const template = dialects.includes('postgres') ? await createPostgresTemplate() : undefined;
const concurrency = process.env.PLAUDIT_TEST_CONCURRENCY ?? '3';
const result = spawnSync(
  process.execPath,
  [
    '--enable-source-maps',
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-reporter=spec',
    ...planTestProcesses(files, Number(process.env.PLAUDIT_TEST_FILES_PER_PROCESS ?? 6)),
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      PLAUDIT_TEST_DIALECTS: dialects.join(','),
      PLAUDIT_TEST_PG_URL: adminUrl,
      ...(template ? { PLAUDIT_TEST_PG_TEMPLATE: template.name } : {}),
    },
  },
);
await template?.drop();

if (skippedPostgres) process.stderr.write(banner('Reminder: PostgreSQL was SKIPPED; only SQLite was tested.'));
process.exit(result.status ?? 1);
