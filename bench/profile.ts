// Summarises a V8 .cpuprofile (`node --cpu-prof`, or `BENCH_PROFILE=DIR npm run bench`): the functions that cost the
// most CPU by themselves (self) and with what they call (total), as shares of the sampled time, idle excluded.
// Usage: tsx bench/profile.ts FILE.cpuprofile [TOP=25]
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx bench/profile.ts FILE.cpuprofile [TOP]');
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const root = new URL('..', import.meta.url).pathname;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

/** A function's name where it is defined, short enough to read. */
function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.startsWith('file://') ? relative(root, new URL(url).pathname) : url;
  return `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
}

const idle = new Set(['(idle)', '(program)', '(garbage collector)']);
const self = new Map<string, number>();
const total = new Map<string, number>();
let busy = 0;
let gc = 0;
profile.samples.forEach((id, index) => {
  const node = byId.get(id)!;
  const micros = profile.timeDeltas[index] ?? 0;
  const name = node.callFrame.functionName;
  if (name === '(garbage collector)') gc += micros;
  if (idle.has(name)) return;
  busy += micros;
  self.set(label(node), (self.get(label(node)) ?? 0) + micros);
  // Each function once per sample, however deep it recurses.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const key = label(byId.get(at)!);
    if (seen.has(key) || key.startsWith('(root)')) continue;
    seen.add(key);
    total.set(key, (total.get(key) ?? 0) + micros);
  }
});

const share = (micros: number) => `${((micros / busy) * 100).toFixed(1).padStart(5)} %`;
const ranked = (costs: Map<string, number>) =>
  [...costs.entries()]
    .sort(([, a], [, b]) => b - a)
    .slice(0, top)
    .map(([name, micros]) => `  ${share(micros)}  ${name}`)
    .join('\n');
process.stdout.write(
  `${file}: ${(busy / 1e6).toFixed(2)} s of JavaScript sampled, GC ${(gc / 1e6).toFixed(2)} s\n` +
    `Self:\n${ranked(self)}\nTotal:\n${ranked(total)}\n`,
);
