package dev.flinkjupyter.ml.classification;

import dev.flinkjupyter.ml.FeatureBlock;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * The sufficient statistics of naive Bayes in one pass: per class, the total weight of its rows
 * and, per feature, the weighted mean and sum of squared deviations (Welford's update, merged
 * with Chan's formula, which keeps variances accurate where sums of squares would cancel); and the
 * smallest feature value, which multinomial naive Bayes needs to be non-negative. Clustering
 * metrics use the same statistics per cluster.
 */
public final class ClassStatistics implements AggregateFunction<FeatureBlock, ClassStatistics.Acc, Object> {
    /** Per class label: {@code [weight, mean_1..d, m2_1..d]}. */
    public static final class Acc implements Serializable {
        /** Per label: {@code [weight, mean_1..d, m2_1..d]}. */
        public final TreeMap<Double, double[]> classes = new TreeMap<>();
        /** The number of features; -1 before any row. */
        public int dim = -1;
        /** The smallest feature value seen. */
        public double min = Double.POSITIVE_INFINITY;
    }

    @Override
    public Acc createAccumulator() {
        return new Acc();
    }

    @Override
    public Acc add(FeatureBlock block, Acc acc) {
        int dim = block.dim;
        acc.dim = sameSize(acc.dim, dim);
        double lastLabel = Double.NaN;
        double[] stats = null;
        for (int r = 0; r < block.rows; r++) {
            double label = block.labels[r];
            if (stats == null || label != lastLabel) {
                stats = acc.classes.computeIfAbsent(label, l -> new double[1 + 2 * dim]);
                lastLabel = label;
            }
            double w = block.weights[r];
            if (w == 0) {
                continue;
            }
            stats[0] += w;
            double share = w / stats[0];
            int offset = r * dim;
            for (int j = 0; j < dim; j++) {
                double x = block.features[offset + j];
                acc.min = Math.min(acc.min, x);
                double delta = x - stats[1 + j];
                stats[1 + j] += share * delta;
                stats[1 + dim + j] += w * delta * (x - stats[1 + j]);
            }
        }
        return acc;
    }

    @Override
    public Acc merge(Acc a, Acc b) {
        a.dim = sameSize(a.dim, b.dim);
        a.min = Math.min(a.min, b.min);
        int dim = a.dim;
        for (Map.Entry<Double, double[]> entry : b.classes.entrySet()) {
            double[] x = a.classes.get(entry.getKey());
            double[] y = entry.getValue();
            if (x == null) {
                a.classes.put(entry.getKey(), y);
                continue;
            }
            double n = x[0] + y[0];
            if (n == 0) {
                continue;
            }
            for (int j = 0; j < dim; j++) {
                double delta = y[1 + j] - x[1 + j];
                x[1 + j] += delta * y[0] / n;
                x[1 + dim + j] += y[1 + dim + j] + delta * delta * x[0] * y[0] / n;
            }
            x[0] = n;
        }
        return a;
    }

    @Override
    public Object getResult(Acc acc) {
        return acc;
    }

    private static int sameSize(int seen, int dim) {
        if (seen >= 0 && dim >= 0 && seen != dim) {
            throw new IllegalArgumentException("the feature vectors have " + seen + " and " + dim
                    + " elements; all must have the same size");
        }
        return dim >= 0 ? dim : seen;
    }
}
