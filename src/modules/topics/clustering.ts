import { kmeans } from 'ml-kmeans';

/**
 * Topics of short texts, offline: TF-IDF vectors over the terms of each text, k-means (`ml-kmeans`, seeded by k-means++)
 * on a sample of them for each number of topics in a range, the number kept whose clustering separates the sample
 * best (the silhouette, by cosine distance), then every text assigned to its nearest topic. Deterministic for a seed.
 *
 * k-means works on dense vectors: a sample of at most `sampleSize` texts over at most `vocabulary` terms keeps it to a
 * few megabytes whatever the number of texts, and the assignment of all of them uses their sparse vectors.
 */

export interface ClusterOptions {
  /** The fewest and most topics to try. */
  minTopics?: number;
  maxTopics?: number;
  /** Texts k-means runs on; the others are assigned to the topics it finds. */
  sampleSize?: number;
  /** Terms kept for the vectors: the ones in most texts, after those in too many or too few are dropped. */
  vocabulary?: number;
  seed?: number;
}

export interface Cluster {
  /** Indexes of the texts in this topic, in input order. */
  members: number[];
  /** Each member's cosine similarity to the topic's centre (0-1). */
  similarities: number[];
  /** The terms that weigh most in the topic's centroid, heaviest first. */
  terms: string[];
}

export interface Clustering {
  /** Largest first. */
  clusters: Cluster[];
  /** Texts without a single term of the vocabulary: they belong to no topic. */
  unclustered: number[];
  /** The silhouette of the clustering kept, on the sample (-1 to 1; above 0.1 is a usable separation of short texts). */
  silhouette: number;
  /** The topic a text not clustered would be in (its index in `clusters`), and how alike; null without a known term. */
  nearest(terms: string[]): { cluster: number; similarity: number } | null;
}

const DEFAULTS = { minTopics: 2, maxTopics: 12, sampleSize: 1000, vocabulary: 400, seed: 20261202 };
/** Texts the silhouette is computed on; its cost grows with the square. */
const SILHOUETTE_SAMPLE = 600;
/** A term must be in at least this many texts to describe a topic, and in at most this share of them. */
const MIN_DOCUMENT_FREQUENCY = 2;
const MAX_DOCUMENT_SHARE = 0.5;
const TOP_TERMS = 8;
const RUNS_PER_K = 3;

/** A sparse vector: term indexes ascending, and their weights; L2-normalized. */
interface Sparse {
  index: Int32Array;
  weight: Float64Array;
}

/** A small seeded generator (mulberry32), so that the same input gives the same topics. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct indexes below `n`, in ascending order (all of them when `count >= n`). */
function sampleIndexes(n: number, count: number, next: () => number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (count >= n) return all;
  for (let i = 0; i < count; i += 1) {
    const j = i + Math.floor(next() * (n - i));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, count).sort((a, b) => a - b);
}

/** The vocabulary: terms in enough texts but not in most, the most widespread first. */
function vocabularyOf(documents: string[][], size: number): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const terms of documents) for (const term of new Set(terms)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  // Among a few texts a term in one of them still says what it is about, and a term in most is what they share.
  const least = documents.length >= 20 ? MIN_DOCUMENT_FREQUENCY : 1;
  const most = documents.length >= 20 ? Math.floor(documents.length * MAX_DOCUMENT_SHARE) : documents.length;
  const kept = [...frequency]
    .filter(([, count]) => count >= least && count <= most)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, size);
  return new Map(kept.map(([term, count]) => [term, count]));
}

/** TF-IDF over the vocabulary, with the document frequencies of the texts clustered: for them and for any other. */
function vectorizer(documents: number, vocabulary: Map<string, number>): (terms: string[]) => Sparse | null {
  const position = new Map([...vocabulary.keys()].map((term, i) => [term, i]));
  const idf = [...vocabulary.values()].map((count) => Math.log(documents / count) + 1);
  return (terms) => {
    const counts = new Map<number, number>();
    for (const term of terms) {
      const i = position.get(term);
      if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    if (counts.size === 0) return null;
    const entries = [...counts].sort((a, b) => a[0] - b[0]);
    const index = Int32Array.from(entries, ([i]) => i);
    const weight = Float64Array.from(entries, ([i, count]) => (1 + Math.log(count)) * idf[i]!);
    let norm = 0;
    for (const value of weight) norm += value * value;
    norm = Math.sqrt(norm);
    for (let i = 0; i < weight.length; i += 1) weight[i]! /= norm;
    return { index, weight };
  };
}

function dense(vector: Sparse, size: number): number[] {
  const values = new Array<number>(size).fill(0);
  for (let i = 0; i < vector.index.length; i += 1) values[vector.index[i]!] = vector.weight[i]!;
  return values;
}

function sparseDot(a: Sparse, b: Sparse): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.index.length && j < b.index.length) {
    const x = a.index[i]!;
    const y = b.index[j]!;
    if (x === y) sum += a.weight[i++]! * b.weight[j++]!;
    else if (x < y) i += 1;
    else j += 1;
  }
  return sum;
}

function denseDot(vector: Sparse, centroid: number[]): number {
  let sum = 0;
  for (let i = 0; i < vector.index.length; i += 1) sum += vector.weight[i]! * centroid[vector.index[i]!]!;
  return sum;
}

/**
 * k-means++ seeds over the sparse sample: each next seed drawn with probability proportional to its squared distance
 * from the nearest seed so far (for unit vectors, 2 - 2 × their dot product). `ml-kmeans`'s own k-means++ computes
 * every pairwise distance of the dense sample, which was 70% of a computation's time; this costs n × k dot products.
 */
function seeds(sample: Sparse[], k: number, next: () => number): number[] {
  const chosen = [Math.floor(next() * sample.length)];
  const nearest = sample.map((vector) => 2 - 2 * sparseDot(vector, sample[chosen[0]!]!));
  while (chosen.length < k) {
    const total = nearest.reduce((sum, distance) => sum + Math.max(0, distance), 0);
    let target = next() * total;
    let pick = nearest.findIndex((distance) => (target -= Math.max(0, distance)) < 0);
    if (pick < 0 || total === 0) pick = nearest.findIndex((_, i) => !chosen.includes(i));
    chosen.push(pick);
    for (let i = 0; i < sample.length; i += 1) {
      nearest[i] = Math.min(nearest[i]!, 2 - 2 * sparseDot(sample[i]!, sample[pick]!));
    }
  }
  return chosen;
}

/** The mean silhouette of an assignment, by cosine distance over precomputed pairwise similarities. */
function silhouette(similarity: Float64Array, n: number, labels: number[], k: number): number {
  let total = 0;
  const sums = new Float64Array(k);
  const sizes = new Int32Array(k);
  for (const label of labels) sizes[label]! += 1;
  for (let i = 0; i < n; i += 1) {
    sums.fill(0);
    for (let j = 0; j < n; j += 1) if (i !== j) sums[labels[j]!]! += 1 - similarity[i * n + j]!;
    const own = labels[i]!;
    if (sizes[own]! <= 1) continue; // a point alone in its cluster scores 0
    const a = sums[own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c += 1) if (c !== own && sizes[c]! > 0) b = Math.min(b, sums[c]! / sizes[c]!);
    if (b !== Infinity) total += (b - a) / Math.max(a, b);
  }
  return total / n;
}

/** Clusters texts, each given as its terms (see `termsOf`), into topics. */
export function clusterDocuments(documents: string[][], options: ClusterOptions = {}): Clustering {
  const { minTopics, maxTopics, sampleSize, vocabulary: size, seed } = { ...DEFAULTS, ...options };
  const vocabulary = vocabularyOf(documents, size);
  const terms = [...vocabulary.keys()];
  const vectorize = vectorizer(documents.length, vocabulary);
  const vectors = documents.map(vectorize);
  const usable = vectors.flatMap((vector, i) => (vector ? [i] : []));
  const unclustered = vectors.flatMap((vector, i) => (vector ? [] : [i]));
  if (usable.length < minTopics * 2) {
    // Too few to tell topics apart: all of them are one topic, or there is none.
    const clusters =
      usable.length > 0
        ? [{ members: usable, similarities: usable.map(() => 1), terms: terms.slice(0, TOP_TERMS) }]
        : [];
    const nearest = (texts: string[]) =>
      clusters.length > 0 && vectorize(texts) ? { cluster: 0, similarity: 1 } : null;
    return { clusters, unclustered, silhouette: 0, nearest };
  }

  const next = random(seed);
  const sample = sampleIndexes(usable.length, sampleSize, next).map((i) => usable[i]!);
  const data = sample.map((i) => dense(vectors[i]!, terms.length));
  const scored = sampleIndexes(sample.length, SILHOUETTE_SAMPLE, next);
  const similarity = new Float64Array(scored.length * scored.length);
  for (let a = 0; a < scored.length; a += 1) {
    for (let b = a; b < scored.length; b += 1) {
      const value = sparseDot(vectors[sample[scored[a]!]!]!, vectors[sample[scored[b]!]!]!);
      similarity[a * scored.length + b] = value;
      similarity[b * scored.length + a] = value;
    }
  }

  let best: { centroids: number[][]; score: number } | undefined;
  const most = Math.min(maxTopics, Math.floor(sample.length / 2));
  const sparseSample = sample.map((i) => vectors[i]!);
  for (let k = minTopics; k <= most; k += 1) {
    // k-means finds a local optimum: a few differently seeded runs per k, the best kept.
    for (let run = 0; run < RUNS_PER_K; run += 1) {
      const runSeed = seed + k * RUNS_PER_K + run;
      const initial = seeds(sparseSample, k, random(runSeed)).map((i) => data[i]!.slice());
      const result = kmeans(data, k, { initialization: initial, seed: runSeed, maxIterations: 100 });
      const labels = scored.map((i) => result.clusters[i]!);
      const score = silhouette(similarity, scored.length, labels, k);
      if (!best || score > best.score) best = { centroids: result.centroids, score };
    }
  }

  // Every usable text to the centre most like it: the centroids as unit vectors, so that the dot product is the cosine.
  const centres = best!.centroids.map((centroid) => {
    const norm = Math.hypot(...centroid) || 1;
    return centroid.map((weight) => weight / norm);
  });
  const nearestCentre = (vector: Sparse) => {
    let centre = 0;
    let similarity = -Infinity;
    for (let c = 0; c < centres.length; c += 1) {
      const value = denseDot(vector, centres[c]!);
      if (value > similarity) {
        centre = c;
        similarity = value;
      }
    }
    return { centre, similarity };
  };
  const members = centres.map(() => ({ members: [] as number[], similarities: [] as number[] }));
  for (const i of usable) {
    const { centre, similarity } = nearestCentre(vectors[i]!);
    members[centre]!.members.push(i);
    members[centre]!.similarities.push(similarity);
  }
  const order = centres
    .map((_, c) => c)
    .filter((c) => members[c]!.members.length > 0)
    .sort((a, b) => members[b]!.members.length - members[a]!.members.length || a - b);
  const clusterOf = new Map(order.map((c, position) => [c, position]));
  const clusters = order.map((c) => ({
    ...members[c]!,
    terms: centres[c]!.map((weight, i) => ({ weight, i }))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, TOP_TERMS)
      .filter(({ weight }) => weight > 0)
      .map(({ i }) => terms[i]!),
  }));
  const nearest = (texts: string[]) => {
    const vector = vectorize(texts);
    if (!vector) return null;
    const { centre, similarity } = nearestCentre(vector);
    const cluster = clusterOf.get(centre);
    return cluster === undefined ? null : { cluster, similarity };
  };
  return { clusters, unclustered, silhouette: best!.score, nearest };
}
