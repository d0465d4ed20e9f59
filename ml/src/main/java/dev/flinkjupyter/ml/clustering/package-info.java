/**
 * Clustering: {@link dev.flinkjupyter.ml.clustering.KMeans} (batch, passes over the data in the
 * cluster), {@link dev.flinkjupyter.ml.clustering.OnlineKMeans} (decayed mini-batches on a stream
 * that may never end), and {@link dev.flinkjupyter.ml.clustering.ClusteringEvaluator} (inertia,
 * cluster sizes, silhouette of a seeded sample drawn in the cluster).
 */
package dev.flinkjupyter.ml.clustering;
