package dev.flinkjupyter.ml.clustering;

import static org.apache.flink.table.api.Expressions.$;

import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.Stage;
import dev.flinkjupyter.ml.Vectors;
import dev.flinkjupyter.ml.online.ModelVersion;
import dev.flinkjupyter.ml.online.OneLearner;
import dev.flinkjupyter.ml.param.HasFeaturesCol;
import dev.flinkjupyter.ml.param.HasSeed;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.expressions.Expression;

/**
 * K-means learned online by decayed mini-batches, on a stream that may never end:
 * {@link #train(Table)} gives a {@link Version} per batch of {@code batchSize} rows, with the
 * prequential inertia of that batch (its mean squared distance to the centres before they
 * learned from it). {@code decayFactor} below 1 forgets the past, so the centres follow data that
 * drifts; 1 weighs every row the same.
 *
 * <pre>{@code
 * OnlineRun<OnlineKMeans.Version> run = OnlineRun.start(new OnlineKMeans().setK(5).train(sensorReadings));
 * display(run.live());
 * }</pre>
 *
 * <p>The first batch seeds the centres with k-means++ (so it needs at least k rows, and its
 * inertia is NaN: there was no model before it). One subtask learns, in Flink keyed state.
 */
public final class OnlineKMeans implements Stage<OnlineKMeans>, HasFeaturesCol<OnlineKMeans>, HasSeed<OnlineKMeans> {
    /** The number of clusters. */
    public static final Param<Integer> K = new Param<>("k", Integer.class, "The number of clusters.", 2,
            ParamValidator.gtEq(1));
    /** Rows per mini-batch, and so per model version. */
    public static final Param<Integer> BATCH_SIZE = new Param<>("batchSize", Integer.class,
            "Rows per mini-batch: each batch makes one model version.", 1000, ParamValidator.gtEq(1));
    /** How much of the past each batch keeps. */
    public static final Param<Double> DECAY_FACTOR = new Param<>("decayFactor", Double.class,
            "How much weight the past keeps at each batch: 1 weighs every row the same, 0 keeps only the last batch.",
            1.0, ParamValidator.inRange(0, 1));

    /**
     * A model version: the centres after a batch, with that batch's prequential inertia.
     *
     * @param version the version number, from 1
     * @param records the rows learned from in all
     * @param inertia the batch's mean squared distance to the centres before it (NaN for the first batch)
     * @param centres the centres, {@code [k][features]}
     * @param weights the decayed weight of each centre
     */
    public record Version(long version, long records, double inertia, double[][] centres, double[] weights)
            implements ModelVersion<KMeansModel> {
        @Override
        public Map<String, Double> metrics() {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("inertia", inertia);
            return metrics;
        }

        @Override
        public KMeansModel toModel() {
            return new KMeansModel(centres, weights);
        }
    }

    private final ParamMap params = new ParamMap(OnlineKMeans.class);

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** Sets the number of clusters (default 2). */
    public OnlineKMeans setK(int k) {
        return set(K, k);
    }

    /** Sets the rows per mini-batch (default 1000). */
    public OnlineKMeans setBatchSize(int rows) {
        return set(BATCH_SIZE, rows);
    }

    /** Sets how much of the past each batch keeps, in [0, 1] (default 1). */
    public OnlineKMeans setDecayFactor(double decay) {
        return set(DECAY_FACTOR, decay);
    }

    /**
     * The stream of model versions learned from the table's rows, bounded or not; nothing runs
     * until its job does. Fails now when the batch is smaller than k or the features column is
     * missing or not a vector (naming the table's columns and types).
     */
    public DataStream<Version> train(Table table) {
        int k = get(K);
        int batchSize = get(BATCH_SIZE);
        if (batchSize < k) {
            throw new IllegalArgumentException("batchSize = " + batchSize + " is smaller than k = " + k
                    + "; the first batch seeds the k centres");
        }
        InputColumns.requireVector(table, "features", getFeaturesCol());
        return OneLearner.learn(table, new Expression[] {$(getFeaturesCol()).cast(Vectors.TYPE)},
                new MiniBatchLearner(k, batchSize, get(DECAY_FACTOR), getSeed(), getFeaturesCol()),
                Version.class, "online k-means (decayed mini-batches)");
    }
}
