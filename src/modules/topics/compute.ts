import { clusterDocuments, type ClusterOptions } from './clustering.js';
import { labelOf, termsOf } from './terms.js';

/** A text the topic job reads: a disliked or liked AI answer, or a low- or high-rated AI conversation. */
export interface TopicInput {
  text: string;
  language: string | null;
  /** Disliked or rated low: clustered. The others are only assigned to the topics, for their dislike rates. */
  negative: boolean;
}

export interface ComputedTopic {
  label: string;
  terms: string[];
  /** Indexes into the inputs, with each one's similarity to the topic's centre. */
  members: Array<{ index: number; similarity: number }>;
}

/** A liked answer counts in a topic only when it is at least this much like the topic's centre. */
export const MIN_POSITIVE_SIMILARITY = 0.2;

/**
 * The topics of an organization's inputs: the negative ones clustered, then each positive one assigned to the topic it
 * is most like, when it is like it enough. Pure and synchronous: the job runs it in a worker thread.
 */
export function computeTopics(inputs: TopicInput[], options: ClusterOptions = {}): ComputedTopic[] {
  const texts = inputs.map((input) => termsOf(input.text, input.language));
  const negatives = inputs.flatMap((input, i) => (input.negative ? [i] : []));
  const clustering = clusterDocuments(
    negatives.map((i) => texts[i]!.terms),
    options,
  );
  const topics: ComputedTopic[] = clustering.clusters.map((cluster) => ({
    label: labelOf({ members: cluster.members.map((j) => negatives[j]!), terms: cluster.terms }, texts),
    terms: cluster.terms,
    members: cluster.members.map((j, k) => ({ index: negatives[j]!, similarity: cluster.similarities[k]! })),
  }));
  // Two clusters can end up with the same heaviest words, in any order: to a reader they are one topic.
  const byLabel = new Map<string, ComputedTopic>();
  const merged: ComputedTopic[] = [];
  const topicOf = topics.map((topic) => {
    const key = topic.label.split(', ').sort().join(',');
    const same = byLabel.get(key);
    if (same) {
      same.members.push(...topic.members);
      return same;
    }
    byLabel.set(key, topic);
    merged.push(topic);
    return topic;
  });
  inputs.forEach((input, index) => {
    if (input.negative) return;
    const found = clustering.nearest(texts[index]!.terms);
    if (found && found.similarity >= MIN_POSITIVE_SIMILARITY) {
      topicOf[found.cluster]!.members.push({ index, similarity: found.similarity });
    }
  });
  return merged;
}
