package dev.flinkjupyter.ml.classification;

import dev.flinkjupyter.ml.Vectors;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

/**
 * FTRL-Proximal (McMahan et al., 2013) over a stream of (features, label) rows, one learner: each
 * row is first scored (for the prequential metrics), then learned from; every {@code every} rows a
 * {@link OnlineLogisticRegression.Version} is emitted. Its state is Flink keyed state (one key),
 * so it is checkpointed with the job.
 */
final class FtrlLearner extends KeyedProcessFunction<Integer, Row, OnlineLogisticRegression.Version> {
    /** The learner's state: FTRL's z and n per coefficient (the intercept last), and the window's metrics. */
    public static final class State {
        public double[] z;
        public double[] n;
        public long records;
        public long versions;
        public long windowRows;
        public long windowCorrect;
        public double windowLogLoss;

        /** For Flink. */
        public State() {
        }
    }

    private static final double CLIP = 1e-15;

    private final double alpha;
    private final double beta;
    private final double l1;
    private final double l2;
    private final long every;
    private final String featuresCol;
    private final String labelCol;
    private transient ValueState<State> state;

    FtrlLearner(double alpha, double beta, double l1, double l2, long every, String featuresCol, String labelCol) {
        this.alpha = alpha;
        this.beta = beta;
        this.l1 = l1;
        this.l2 = l2;
        this.every = every;
        this.featuresCol = featuresCol;
        this.labelCol = labelCol;
    }

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext context) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("ftrl", TypeInformation.of(State.class)));
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<OnlineLogisticRegression.Version> out)
            throws Exception {
        double[] x = Vectors.toArray(row.getField(0), featuresCol);
        Object labelValue = row.getField(1);
        if (labelValue == null) {
            throw new IllegalArgumentException("label column '" + labelCol + "' holds a null; filter those rows");
        }
        double y = (Double) labelValue;
        if (y != 0 && y != 1) {
            throw new IllegalArgumentException("label column '" + labelCol + "' holds " + y
                    + "; online logistic regression takes the labels 0 and 1");
        }
        State s = state.value();
        if (s == null) {
            s = new State();
            s.z = new double[x.length + 1];
            s.n = new double[x.length + 1];
        } else if (s.z.length != x.length + 1) {
            throw new IllegalArgumentException("column '" + featuresCol + "' holds vectors of " + (s.z.length - 1)
                    + " and of " + x.length + " elements; all must have the same size");
        }
        int d = x.length;
        double[] w = weights(s);
        double margin = w[d];
        for (int j = 0; j < d; j++) {
            margin += w[j] * x[j];
        }
        double p = 1 / (1 + Math.exp(-margin));
        // test ...
        s.windowRows++;
        s.windowCorrect += (p >= 0.5 ? 1 : 0) == (int) y ? 1 : 0;
        double clipped = Math.min(Math.max(p, CLIP), 1 - CLIP);
        s.windowLogLoss -= y == 1 ? Math.log(clipped) : Math.log(1 - clipped);
        // ... then train
        double g = p - y;
        for (int j = 0; j <= d; j++) {
            double xj = j < d ? x[j] : 1;
            if (xj == 0) {
                continue;
            }
            double gj = g * xj;
            double sigma = (Math.sqrt(s.n[j] + gj * gj) - Math.sqrt(s.n[j])) / alpha;
            s.z[j] += gj - sigma * w[j];
            s.n[j] += gj * gj;
        }
        s.records++;
        if (s.windowRows >= every) {
            s.versions++;
            double[] now = weights(s);
            out.collect(new OnlineLogisticRegression.Version(s.versions, s.records,
                    s.windowCorrect / (double) s.windowRows, s.windowLogLoss / s.windowRows,
                    java.util.Arrays.copyOf(now, d), now[d]));
            s.windowRows = 0;
            s.windowCorrect = 0;
            s.windowLogLoss = 0;
        }
        state.update(s);
    }

    /** FTRL's closed-form weights from z and n; the intercept (last) is not regularised. */
    private double[] weights(State s) {
        int size = s.z.length;
        double[] w = new double[size];
        for (int j = 0; j < size; j++) {
            boolean intercept = j == size - 1;
            double l1j = intercept ? 0 : l1;
            double l2j = intercept ? 0 : l2;
            double z = s.z[j];
            if (Math.abs(z) > l1j) {
                w[j] = -(z - Math.signum(z) * l1j) / ((beta + Math.sqrt(s.n[j])) / alpha + l2j);
            }
        }
        return w;
    }
}
