package dev.flinkjupyter.ml.clustering;

import dev.flinkjupyter.ml.Vectors;
import java.util.Arrays;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

/**
 * Decayed mini-batch k-means over a stream of vectors, one learner: rows are gathered into
 * batches; the first batch seeds the centres (k-means++ with the seed); every later batch is
 * first scored (its mean squared distance to the centres: the prequential inertia), then each
 * centre moves to the weighted mean of its decayed past and its new rows:
 * {@code c' = (a n c + sum) / (a n + m)}, {@code n' = a n + m}.
 */
final class MiniBatchLearner extends KeyedProcessFunction<Integer, Row, OnlineKMeans.Version> {
    /** The learner's state, Flink keyed state. */
    public static final class State {
        public int dim;
        public double[] batch;
        public int buffered;
        public double[] centres;
        public double[] weights;
        public long records;
        public long versions;

        /** For Flink. */
        public State() {
        }
    }

    private final int k;
    private final int batchSize;
    private final double decay;
    private final long seed;
    private final String featuresCol;
    private transient ValueState<State> state;

    MiniBatchLearner(int k, int batchSize, double decay, long seed, String featuresCol) {
        this.k = k;
        this.batchSize = batchSize;
        this.decay = decay;
        this.seed = seed;
        this.featuresCol = featuresCol;
    }

    @Override
    public void open(OpenContext context) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("mini-batch k-means",
                TypeInformation.of(State.class)));
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<OnlineKMeans.Version> out) throws Exception {
        double[] x = Vectors.toArray(row.getField(0), featuresCol);
        State s = state.value();
        if (s == null) {
            s = new State();
            s.dim = x.length;
            s.batch = new double[batchSize * x.length];
        } else if (x.length != s.dim) {
            throw new IllegalArgumentException("column '" + featuresCol + "' holds vectors of " + s.dim + " and of "
                    + x.length + " elements; all must have the same size");
        }
        System.arraycopy(x, 0, s.batch, s.buffered * s.dim, s.dim);
        s.buffered++;
        if (s.buffered == batchSize) {
            out.collect(learn(s));
            s.buffered = 0;
        }
        state.update(s);
    }

    private OnlineKMeans.Version learn(State s) {
        int dim = s.dim;
        int m = s.buffered;
        double inertia = Double.NaN;
        if (s.centres == null) {
            double[][] points = Centroids.unflatten(s.batch, m, dim);
            double[] ones = new double[m];
            Arrays.fill(ones, 1);
            s.centres = Centroids.flatten(InitialCentres.reduce(points, ones, k, seed));
            s.weights = new double[k];
        } else {
            inertia = 0;
            for (int i = 0; i < m; i++) {
                inertia += Centroids.nearestSquaredDistance(s.batch, i * dim, s.centres, k, dim);
            }
            inertia /= m;
        }
        double[] sums = new double[k * dim];
        double[] counts = new double[k];
        for (int i = 0; i < m; i++) {
            int c = Centroids.nearest(s.batch, i * dim, s.centres, k, dim);
            counts[c]++;
            for (int j = 0; j < dim; j++) {
                sums[c * dim + j] += s.batch[i * dim + j];
            }
        }
        for (int c = 0; c < k; c++) {
            double past = decay * s.weights[c];
            double total = past + counts[c];
            if (total > 0) {
                for (int j = 0; j < dim; j++) {
                    s.centres[c * dim + j] = (past * s.centres[c * dim + j] + sums[c * dim + j]) / total;
                }
            }
            s.weights[c] = total;
        }
        s.records += m;
        s.versions++;
        return new OnlineKMeans.Version(s.versions, s.records, inertia, Centroids.unflatten(s.centres, k, dim),
                s.weights.clone());
    }
}
