#!/usr/bin/env node
// Builds the server, the dashboard and the widget only when their sources changed since the last build, so that a
// second `npm start` is up in a moment. The stamp (dist/.build-stamp.json) keeps a fingerprint of every source file
// (path, size, modification time) taken before that build started: an edit during a build, a deleted file or an older
// file restored all change the fingerprint and make the next start build again. `--always` builds whatever the stamp
// says (`npm run build`). `plaudit serve` itself never builds.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** What the build reads: the three source trees and the files that configure them. */
const SOURCES = ['src', 'dashboard', 'widget', 'tsconfig.json', 'package.json', 'package-lock.json'];
/** Neither build reads these. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist']);
const isTest = (path) => /\.test\.tsx?$/.test(path);
/** What a finished build leaves; one missing (a `dist/` deleted by hand) means building again. */
const OUTPUTS = ['dist/cli/main.js', 'dist/dashboard/index.html', 'dist/widget/widget.js'];
const STAMP = 'dist/.build-stamp.json';

function* files(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return;
  const stat = statSync(full);
  if (stat.isFile()) {
    if (!isTest(path)) yield [path, stat];
    return;
  }
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (entry.isDirectory() && SKIPPED_DIRECTORIES.has(entry.name)) continue;
    yield* files(root, join(path, entry.name));
  }
}

/** A hash of every source file's path, size and modification time. */
function fingerprint(root) {
  const hash = createHash('sha256');
  let count = 0;
  const listed = SOURCES.flatMap((source) => [...files(root, source)]).sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [path, stat] of listed) {
    hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
    count += 1;
  }
  return { hash: hash.digest('hex'), files: count };
}

/** Why the build in `root` is stale, or undefined when it is current. */
function staleness(root, current) {
  const missing = OUTPUTS.find((output) => !existsSync(join(root, output)));
  if (missing) return `${missing} is missing`;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, STAMP), 'utf8'));
  } catch {
    return 'no build stamp';
  }
  if (stamp.hash !== current.hash) return 'sources changed since the last build';
  return undefined;
}

function main() {
  const { values } = parseArgs({
    options: {
      always: { type: 'boolean', default: false },
      // Another checkout and build command: the script's own test builds a small fixture instead of Plaudit.
      root: { type: 'string' },
      command: { type: 'string', default: 'npm run build:all --silent' },
    },
  });
  const root = values.root ?? fileURLToPath(new URL('..', import.meta.url));
  const before = fingerprint(root);
  const reason = values.always ? 'asked to build' : staleness(root, before);
  if (!reason) {
    process.stdout.write('build is up to date\n');
    return;
  }
  if (!values.always) process.stdout.write(`building (${reason})\n`);
  const result = spawnSync(values.command, { cwd: root, shell: true, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  mkdirSync(join(root, 'dist'), { recursive: true });
  // The fingerprint from before the build: a file changed while it ran makes the next start build again.
  writeFileSync(join(root, STAMP), `${JSON.stringify({ ...before, builtAt: new Date().toISOString() })}\n`);
}

main();
