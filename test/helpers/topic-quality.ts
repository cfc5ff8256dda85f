/**
 * How well a clustering recovers known labels. Purity: the share of items that belong to their cluster's most common
 * label. NMI: the mutual information of clusters and labels over the mean of their entropies (0 to 1; 1 when clusters
 * and labels are the same partition).
 */
export function clusterQuality(
  clusters: number[][],
  labelOf: (item: number) => string,
): { purity: number; nmi: number } {
  const n = clusters.reduce((sum, members) => sum + members.length, 0);
  const labelCounts = new Map<string, number>();
  let majority = 0;
  let mutual = 0;
  const perCluster = clusters.map((members) => {
    const counts = new Map<string, number>();
    for (const item of members) counts.set(labelOf(item), (counts.get(labelOf(item)) ?? 0) + 1);
    return counts;
  });
  for (const counts of perCluster) {
    for (const [label, count] of counts) labelCounts.set(label, (labelCounts.get(label) ?? 0) + count);
  }
  perCluster.forEach((counts, c) => {
    const size = clusters[c]!.length;
    majority += Math.max(0, ...counts.values());
    for (const [label, count] of counts) {
      mutual += (count / n) * Math.log((count * n) / (size * labelCounts.get(label)!));
    }
  });
  const entropy = (sizes: number[]) => -sizes.reduce((sum, size) => sum + (size / n) * Math.log(size / n), 0);
  const clusterEntropy = entropy(clusters.map((members) => members.length).filter((size) => size > 0));
  const labelEntropy = entropy([...labelCounts.values()]);
  const mean = (clusterEntropy + labelEntropy) / 2;
  return { purity: majority / n, nmi: mean === 0 ? 1 : mutual / mean };
}
