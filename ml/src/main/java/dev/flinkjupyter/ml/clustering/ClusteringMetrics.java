package dev.flinkjupyter.ml.clustering;

/**
 * How good a clustering is, from {@link ClusteringEvaluator}.
 *
 * @param inertia the sum of squared distances of the rows to the mean of their cluster (weighted)
 * @param clusters the cluster ids, ascending
 * @param sizes the weight (row count) of each cluster, in the order of {@code clusters}
 * @param silhouette the mean silhouette of the sampled rows, in [-1, 1] (higher: tighter, better
 *     separated clusters); NaN with fewer than two clusters
 * @param sampled how many rows the silhouette was computed on
 */
public record ClusteringMetrics(double inertia, int[] clusters, double[] sizes, double silhouette, int sampled) {
}
