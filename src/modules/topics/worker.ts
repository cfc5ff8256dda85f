import { Worker } from 'node:worker_threads';
import type { ComputedTopic, TopicInput } from './compute.js';

// Run from the sources (tests, `tsx`), the worker is the .ts file: its thread registers tsx's loader before it loads
// the file, which `--import tsx` in a worker's execArgv does not do in time on Node 20.
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const WORKER = new URL(FROM_SOURCES ? './topics.worker.ts' : './topics.worker.js', import.meta.url);

function start(inputs: TopicInput[]): Worker {
  if (!FROM_SOURCES) return new Worker(WORKER, { workerData: inputs });
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER.href)}); })`;
  return new Worker(boot, { eval: true, workerData: inputs });
}

/** Runs `computeTopics` in a worker thread of its own, so that a computation never blocks a request. */
export function computeInWorker(inputs: TopicInput[]): Promise<ComputedTopic[]> {
  return new Promise((resolve, reject) => {
    const worker = start(inputs);
    let settled = false;
    worker.once('message', (topics: ComputedTopic[]) => {
      settled = true;
      resolve(topics);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the topic worker stopped (exit code ${code}) before it answered`));
    });
  });
}
