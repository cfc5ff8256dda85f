// Compiles the TypeScript that the tests run (sources, tests, benchmarks, scripts, the client package) into
// `.test-build/`, a mirror of the checkout, so that the test processes run plain JavaScript. With `--import tsx` every
// module of every test process (about 800 with kysely and typebox) passes through Node 20's off-thread loader hooks:
// about 2 s of CPU per test file, measured, which this saves. Everything else in the checkout (docs, assets, dist,
// fixtures, node_modules) is linked in, so that paths taken relative to a module's own file find what they find in
// the sources. Source maps point stack traces at the .ts files.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

/** Files that start `plaudit` processes or a browser: long, mostly waiting, and each best in a process of its own. */
const STARTS_PROCESSES = /helpers\/(processes|crash|readme-tour)\.js|\/harness\.js|node:child_process/;
/** Roughly what a file costs: its tests, twice over when they run once per database. */
function weightOf(text) {
  const tests = (text.match(/\bit\(/g) ?? []).length + 1;
  return /describeEachDialect|for \(const dialect of dialects\)/.test(text) ? 2 * tests : tests;
}

/**
 * The test processes for these files (paths of the sources): each file that starts processes of its own runs alone,
 * first; the others share processes, a few files each. A process costs about 1.5 s of CPU to start and load the app,
 * and a file's first app about 2 s more to compile its schemas and warm up: shared, measured, that is 40% less CPU for
 * the in-process suites. The files of a process run one after the other, as the suites of one file do. The unit tests
 * next to the sources never share a process with a suite of test/, whose helpers change process-wide settings (the
 * scrypt cost of new password hashes).
 */
export function planTestProcesses(files, filesPerProcess = 6) {
  const alone = [];
  const shared = { src: [], test: [] };
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    if (STARTS_PROCESSES.test(text)) alone.push(compiledPath(file));
    else shared[file.startsWith('src/') ? 'src' : 'test'].push({ file, weight: weightOf(text) });
  }
  const entries = [...alone];
  mkdirSync(join(TEST_BUILD, 'processes'), { recursive: true });
  for (const [kind, members] of Object.entries(shared)) {
    if (members.length === 0) continue;
    // Heaviest first, each onto the lightest process so far: processes of about equal work.
    const processes = Array.from({ length: Math.ceil(members.length / filesPerProcess) }, () => ({
      weight: 0,
      files: [],
    }));
    for (const member of [...members].sort((a, b) => b.weight - a.weight || a.file.localeCompare(b.file))) {
      const lightest = processes.reduce((min, candidate) => (candidate.weight < min.weight ? candidate : min));
      lightest.weight += member.weight;
      lightest.files.push(member.file);
    }
    processes.forEach((group, index) => {
      const entry = join(TEST_BUILD, 'processes', `${kind}-${index + 1}.test.js`);
      const imports = group.files
        .sort()
        .map((file) => `import ${JSON.stringify(relative(dirname(entry), compiledPath(file)))};`);
      writeFileSync(entry, `${imports.join('\n')}\n`);
      entries.push(entry);
    });
  }
  return entries;
}
