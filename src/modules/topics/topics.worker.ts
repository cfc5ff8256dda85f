import { parentPort, workerData } from 'node:worker_threads';
import { computeTopics, type TopicInput } from './compute.js';

// One computation per worker: the clustering's CPU time and memory stay off the server's event loop and heap.
parentPort!.postMessage(computeTopics(workerData as TopicInput[]));
