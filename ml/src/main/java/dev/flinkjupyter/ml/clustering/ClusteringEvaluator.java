package dev.flinkjupyter.ml.clustering;

import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.Stage;
import dev.flinkjupyter.ml.TrainingData;
import dev.flinkjupyter.ml.param.HasFeaturesCol;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import dev.flinkjupyter.ml.param.HasSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.Table;

/**
 * Scores a clustering (a table with a features column and a cluster-id column, such as
 * {@link KMeansModel#transform}'s output) in one pass: the inertia, the size of each cluster, and
 * the silhouette of a seeded sample of at most {@code samplePerCluster} rows per cluster, drawn in
 * the cluster (only the sample comes back, never the table).
 *
 * <pre>{@code
 * ClusteringMetrics metrics = new ClusteringEvaluator().evaluate(model.transform(points)[0]);
 * }</pre>
 */
public final class ClusteringEvaluator implements Stage<ClusteringEvaluator>, HasFeaturesCol<ClusteringEvaluator>,
        HasPredictionCol<ClusteringEvaluator>, HasSeed<ClusteringEvaluator> {
    /** The most rows per cluster the silhouette is computed on. */
    public static final Param<Integer> SAMPLE_PER_CLUSTER = new Param<>("samplePerCluster", Integer.class,
            "The most rows per cluster the silhouette is computed on (a seeded sample drawn in the cluster).", 200,
            ParamValidator.gtEq(1));

    private final ParamMap params = new ParamMap(ClusteringEvaluator.class);

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** Sets the most rows per cluster of the silhouette sample (default 200). */
    public ClusteringEvaluator setSamplePerCluster(int rows) {
        return set(SAMPLE_PER_CLUSTER, rows);
    }

    /** The metrics of the clustering in the table; fails on an empty table, naming it so. */
    public ClusteringMetrics evaluate(Table predictions) {
        InputColumns.requireNumeric(predictions, "prediction", getPredictionCol());
        ClusterSample.Acc acc;
        try (TrainingData data = TrainingData.of(predictions, getFeaturesCol(), getPredictionCol(), null)) {
            acc = data.pass("clustering metrics", new ClusterSample(get(SAMPLE_PER_CLUSTER), getSeed()));
        }
        if (acc.statistics.classes.isEmpty()) {
            throw new IllegalArgumentException("cannot evaluate a clustering of an empty table: it has no rows");
        }
        int dim = acc.statistics.dim;
        int k = acc.statistics.classes.size();
        int[] clusters = new int[k];
        double[] sizes = new double[k];
        double inertia = 0;
        int c = 0;
        for (Map.Entry<Double, double[]> entry : acc.statistics.classes.entrySet()) {
            double[] stats = entry.getValue();
            clusters[c] = (int) Math.round(entry.getKey());
            sizes[c] = stats[0];
            for (int j = 0; j < dim; j++) {
                inertia += stats[1 + dim + j];
            }
            c++;
        }
        List<double[][]> samples = new ArrayList<>();
        for (InitialCentres.Draws draws : acc.samples.values()) {
            samples.add(java.util.Arrays.copyOf(draws.points, draws.size));
        }
        int sampled = samples.stream().mapToInt(s -> s.length).sum();
        return new ClusteringMetrics(inertia, clusters, sizes, silhouette(samples), sampled);
    }

    /** The mean silhouette over all points of the per-cluster samples; NaN for fewer than two clusters. */
    static double silhouette(List<double[][]> clusters) {
        if (clusters.size() < 2) {
            return Double.NaN;
        }
        double total = 0;
        int points = 0;
        for (int a = 0; a < clusters.size(); a++) {
            for (double[] p : clusters.get(a)) {
                points++;
                if (clusters.get(a).length == 1) {
                    continue; // a point alone in its cluster scores 0
                }
                double own = meanDistance(p, clusters.get(a)) * clusters.get(a).length / (clusters.get(a).length - 1);
                double nearest = Double.POSITIVE_INFINITY;
                for (int b = 0; b < clusters.size(); b++) {
                    if (b != a) {
                        nearest = Math.min(nearest, meanDistance(p, clusters.get(b)));
                    }
                }
                double spread = Math.max(own, nearest);
                total += spread == 0 ? 0 : (nearest - own) / spread;
            }
        }
        return total / points;
    }

    /** The mean Euclidean distance from p to the points (p itself counts 0 if among them). */
    private static double meanDistance(double[] p, double[][] points) {
        double sum = 0;
        for (double[] q : points) {
            double d2 = 0;
            for (int j = 0; j < p.length; j++) {
                double d = p[j] - q[j];
                d2 += d * d;
            }
            sum += Math.sqrt(d2);
        }
        return sum / points.length;
    }
}
