package dev.flinkjupyter.ml.clustering;

import dev.flinkjupyter.ml.Estimator;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.TrainingData;
import dev.flinkjupyter.ml.TrainingHistory;
import dev.flinkjupyter.ml.param.HasFeaturesCol;
import dev.flinkjupyter.ml.param.HasMaxIter;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import dev.flinkjupyter.ml.param.HasSeed;
import dev.flinkjupyter.ml.param.HasTol;
import dev.flinkjupyter.ml.param.HasWeightCol;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.Table;

/**
 * K-means clustering on Flink: k-means|| (default) or exact k-means++ initialisation, then Lloyd
 * iterations, each one pass over the data in the cluster (see {@link dev.flinkjupyter.ml.DataPass});
 * only the per-centre sums come back. The same data and seed give the same centres at any
 * parallelism (up to the order of floating-point additions).
 *
 * <pre>{@code
 * KMeansModel model = new KMeans().setK(3).setSeed(7).setFeaturesCol("features").fit(points);
 * model.transform(points)[0]   // the rows with a "prediction" column: the index of the nearest centre
 * }</pre>
 *
 * <p>Training stops after {@code maxIter} iterations, or earlier when the inertia changed by less
 * than {@code tol} (relative) from one iteration to the next. A centre that no row is nearest to
 * stays where it was.
 */
public final class KMeans implements Estimator<KMeans, KMeansModel>, HasFeaturesCol<KMeans>,
        HasPredictionCol<KMeans>, HasWeightCol<KMeans>, HasMaxIter<KMeans>, HasTol<KMeans>, HasSeed<KMeans> {
    /** The number of clusters. */
    public static final Param<Integer> K = new Param<>("k", Integer.class, "The number of clusters.", 2,
            ParamValidator.gtEq(1));
    /** The k-means|| initialisation, few passes; the default. */
    public static final String K_MEANS_PARALLEL = "k-means||";
    /** The exact k-means++ initialisation, one pass per centre. */
    public static final String K_MEANS_PLUS_PLUS = "k-means++";
    /** How the first centres are chosen: {@code k-means||} or {@code k-means++}. */
    public static final Param<String> INIT_MODE = new Param<>("initMode", String.class,
            "How the first centres are chosen: k-means|| (a few passes) or k-means++ (one pass per centre).",
            K_MEANS_PARALLEL, ParamValidator.inArray(K_MEANS_PARALLEL, K_MEANS_PLUS_PLUS));
    /** The number of sampling passes of k-means||. */
    public static final Param<Integer> INIT_STEPS = new Param<>("initSteps", Integer.class,
            "The number of sampling passes of k-means||, each adding 2k candidate centres.", 2,
            ParamValidator.gtEq(1));

    private final ParamMap params = new ParamMap(KMeans.class);

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** The number of clusters. */
    public int getK() {
        return get(K);
    }

    /** Sets the number of clusters (default 2). */
    public KMeans setK(int k) {
        return set(K, k);
    }

    /** How the first centres are chosen. */
    public String getInitMode() {
        return get(INIT_MODE);
    }

    /** Sets how the first centres are chosen: {@link #K_MEANS_PARALLEL} (default) or {@link #K_MEANS_PLUS_PLUS}. */
    public KMeans setInitMode(String mode) {
        return set(INIT_MODE, mode);
    }

    /** The number of sampling passes of k-means||. */
    public int getInitSteps() {
        return get(INIT_STEPS);
    }

    /**
     * Sets the number of sampling passes of k-means|| (default 2, as Spark's). Each later pass
     * measures every row against all candidates so far, so the passes of the start cost about
     * {@code (1 + 2k + 4k + ...) / k} Lloyd iterations.
     */
    public KMeans setInitSteps(int steps) {
        return set(INIT_STEPS, steps);
    }

    /**
     * Clusters the rows of the table. Fails before any iteration when the features column is
     * missing or not a vector (naming the table's columns and types), when the table has no rows,
     * or when it has fewer rows than k.
     */
    @Override
    public KMeansModel fit(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("KMeans fits one table, got " + inputs.length);
        }
        int k = getK();
        long seed = getSeed();
        try (TrainingData data = TrainingData.of(inputs[0], getFeaturesCol(), null, getWeightCol()).cached()) {
            InitialCentres.Start start = InitialCentres.start(data, seed);
            if (start.rows() == 0) {
                throw new IllegalArgumentException("cannot cluster an empty table: it has no rows");
            }
            if (start.rows() < k) {
                throw new IllegalArgumentException("k = " + k + " is larger than the " + start.rows()
                        + " rows of the table; choose k <= " + start.rows());
            }
            double[][] centres = K_MEANS_PLUS_PLUS.equals(getInitMode())
                    ? InitialCentres.plusPlus(data, start.first(), k, seed)
                    : InitialCentres.parallel(data, start.first(), k, getInitSteps(), seed);
            List<TrainingHistory.Step> steps = new ArrayList<>();
            double[] sizes = new double[k];
            double previous = Double.NaN;
            for (int iteration = 1; iteration <= getMaxIter(); iteration++) {
                LloydStep.Sums sums = data.pass("k-means iteration " + iteration, new LloydStep(centres));
                steps.add(new TrainingHistory.Step(iteration, sums.inertia, Double.NaN));
                sizes = sums.weights;
                boolean moved = update(centres, sums);
                double change = Math.abs(previous - sums.inertia) / Math.max(sums.inertia, Double.MIN_NORMAL);
                previous = sums.inertia;
                if (!moved || change < getTol()) {
                    break;
                }
            }
            return new KMeansModel(centres, sizes, new TrainingHistory("inertia", "", steps))
                    .setFeaturesCol(getFeaturesCol()).setPredictionCol(getPredictionCol());
        }
    }

    /** Moves every centre that has rows to their mean; whether any moved. */
    private static boolean update(double[][] centres, LloydStep.Sums sums) {
        boolean moved = false;
        int dim = centres[0].length;
        for (int c = 0; c < centres.length; c++) {
            if (sums.weights[c] > 0) {
                for (int j = 0; j < dim; j++) {
                    double mean = sums.sums[c * dim + j] / sums.weights[c];
                    moved |= mean != centres[c][j];
                    centres[c][j] = mean;
                }
            }
        }
        return moved;
    }
}
