// Compiles the TypeScript that the tests run (sources, tests, benchmarks, scripts, the client package) into
// `.test-build/`, a mirror of the checkout, so that the test processes run plain JavaScript. With `--import tsx` every
// module of every test process (about 800 with kysely and typebox) passes through Node 20's off-thread loader hooks:
// about 2 s of CPU per test file, measured, which this saves. Everything else in the checkout (docs, assets, dist,
// fixtures, node_modules) is linked in, so that paths taken relative to a module's own file find what they find in
// the sources. Source maps point stack traces at the .ts files.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TEST_BUILD = join(ROOT, '.test-build');
const COMPILED = ['src', 'test', 'bench', 'scripts', 'packages'];
/** Left out of the compiled folders: build output, dependencies, and what the tests write (linked below). */
const SKIPPED = new Set(['node_modules', 'dist', 'screenshots']);
/** Folders the tests write into, linked as they are so that what they write lands in the checkout. */
const LINKED_AS_IS = ['test/e2e/screenshots'];

function link(path) {
  const target = join(ROOT, path);
  const at = join(TEST_BUILD, path);
  mkdirSync(dirname(at), { recursive: true });
  symlinkSync(relative(dirname(at), target), at);
}

/** The .ts files under a compiled folder, and its other files (fixtures, package.json) to link. */
function walk(path, sources, others) {
  for (const entry of readdirSync(join(ROOT, path), { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) walk(child, sources, others);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) sources.push(child);
    else others.push(child);
  }
}

/** Writes `.test-build/` afresh; answers its path. */
export async function buildTests() {
  rmSync(TEST_BUILD, { recursive: true, force: true });
  const sources = [];
  const others = [];
  for (const folder of COMPILED) walk(folder, sources, others);
  await build({
    entryPoints: sources.map((source) => join(ROOT, source)),
    outdir: TEST_BUILD,
    outbase: ROOT,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'warning',
  });
  for (const other of others) link(other);
  for (const entry of readdirSync(ROOT)) if (![...COMPILED, '.git', '.test-build'].includes(entry)) link(entry);
  for (const path of LINKED_AS_IS) {
    mkdirSync(join(ROOT, path), { recursive: true });
    link(path);
  }
  return TEST_BUILD;
}

/** The compiled twin of a test file: `test/x.test.ts` -> `.test-build/test/x.test.js`. */
export function compiledPath(file) {
  return join(TEST_BUILD, file.replace(/\.ts$/, '.js'));
}
