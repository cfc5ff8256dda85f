// npx tsx bench/topics.ts: one topic computation over TOPICS_ANSWERS (100,000) disliked answers — the labelled
// fixture's wordings, many times over, in English and German — reporting the time to read their terms, the time to
// cluster them, the peak memory of the process, and the quality against the known topics. No database: this is the
// computation the topic job runs in its worker thread, alone.
import { clusterDocuments } from '../src/modules/topics/clustering.js';
import { labelOf, termsOf } from '../src/modules/topics/terms.js';
import { labelledAnswers } from '../test/fixtures/topic-answers.js';
import { clusterQuality } from '../test/helpers/topic-quality.js';

const COUNT = Number(process.env.TOPICS_ANSWERS ?? 100_000);
const topics = 5;
const answers = labelledAnswers(Math.ceil(COUNT / (topics * 2))).slice(0, COUNT);
const baseline = process.memoryUsage().rss;

let started = performance.now();
const terms = answers.map((answer) => termsOf(answer.text));
const termsMs = performance.now() - started;

started = performance.now();
const result = clusterDocuments(terms.map((t) => t.terms));
const clusterMs = performance.now() - started;

const quality = clusterQuality(
  result.clusters.map((cluster) => cluster.members),
  (i) => answers[i]!.topic,
);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
process.stdout.write(
  `${answers.length} answers: terms ${Math.round(termsMs)} ms, clustering ${Math.round(clusterMs)} ms; ` +
    `${result.clusters.length} topics, silhouette ${result.silhouette.toFixed(3)}, purity ${quality.purity.toFixed(3)}, ` +
    `NMI ${quality.nmi.toFixed(3)}; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} ` +
    `(${mb(baseline)} before the answers were read)\n`,
);
for (const cluster of result.clusters.slice(0, 12)) {
  process.stdout.write(`  ${String(cluster.members.length).padStart(6)}  ${labelOf(cluster, terms)}\n`);
}
