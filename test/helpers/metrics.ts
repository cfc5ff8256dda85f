import assert from 'node:assert/strict';

/** One sample of the Prometheus text format: its name, labels and value. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a scrape, with the TYPE of each metric family; every line must parse. */
export interface Scrape {
  samples: Sample[];
  types: Map<string, string>;
  /** The one sample of `name` with exactly these labels (le included for buckets); 0 when there is none. */
  value(name: string, labels?: Record<string, string>): number;
  /** Every sample of `name` whose labels include these. */
  matching(name: string, labels?: Record<string, string>): Sample[];
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/y;

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const match = LABEL.exec(text);
    assert.ok(match, `labels of "${line}" parse`);
    labels[match[1]!] = match[2]!.replace(/\\(.)/g, (_all, char: string) => (char === 'n' ? '\n' : char));
  }
  return labels;
}

/** Parses a scrape strictly: a line that is neither a comment nor a sample fails the test. */
export function parseScrape(text: string): Scrape {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('# TYPE ')) {
      const [name, type] = line.slice(7).split(' ');
      types.set(name!, type!);
      continue;
    }
    if (line.startsWith('# HELP ')) continue;
    const match = SAMPLE.exec(line);
    assert.ok(match, `"${line}" is a sample`);
    const nan = /^nan$/i.test(match[3]!);
    const value = nan ? Number.NaN : Number(match[3]);
    assert.ok(nan || !Number.isNaN(value), `value of "${line}"`);
    samples.push({ name: match[1]!, labels: match[2] ? parseLabels(match[2], line) : {}, value });
  }
  const same = (a: Record<string, string>, b: Record<string, string>) =>
    Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([key, value]) => a[key] === value);
  const includes = (a: Record<string, string>, b: Record<string, string>) =>
    Object.entries(b).every(([key, value]) => a[key] === value);
  return {
    samples,
    types,
    value(name, labels = {}) {
      const found = samples.filter((sample) => sample.name === name && same(sample.labels, labels));
      assert.ok(found.length <= 1, `one sample ${name} ${JSON.stringify(labels)}`);
      return found[0]?.value ?? 0;
    },
    matching(name, labels = {}) {
      return samples.filter((sample) => sample.name === name && includes(sample.labels, labels));
    },
  };
}
