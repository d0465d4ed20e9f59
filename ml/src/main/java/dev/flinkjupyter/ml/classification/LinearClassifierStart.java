package dev.flinkjupyter.ml.classification;

import dev.flinkjupyter.ml.FeatureBlock;
import dev.flinkjupyter.ml.regression.Gram;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * The first pass of the linear classifiers (logistic regression, linear SVM): the distinct labels
 * with their weight and weighted sum of augmented rows, and the weighted X<sup>T</sup>X of the
 * augmented rows. From these alone, the loss, gradient and Hessian at zero parameters follow in
 * closed form, so this pass is also the first Newton iterate: no pass is spent finding the classes.
 */
final class LinearClassifierStart
        implements AggregateFunction<FeatureBlock, LinearClassifierStart.Sums, LinearClassifierStart.Sums> {
    /** More distinct labels than this is not a class column. */
    static final int MAX_CLASSES = 1000;

    private final String labelCol;

    LinearClassifierStart(String labelCol) {
        this.labelCol = labelCol;
    }

    /** The sums. */
    static final class Sums implements Serializable {
        private static final long serialVersionUID = 1L;
        int dim = -1;
        long rows;
        /** Per label: its weight, then the weighted sum of its augmented rows (dim+1). */
        TreeMap<Double, double[]> classes = new TreeMap<>();
        /** Augmented X^T W X, row-major. */
        double[] gram;
    }

    @Override
    public Sums createAccumulator() {
        return new Sums();
    }

    @Override
    public Sums add(FeatureBlock block, Sums acc) {
        int d = block.dim;
        if (acc.dim < 0) {
            acc.dim = d;
            acc.gram = new double[(d + 1) * (d + 1)];
        }
        DMatrixRMaj x = Gram.augmented(block);
        Gram.addScaledInner(x, block.weights, DMatrixRMaj.wrap(d + 1, d + 1, acc.gram));
        for (int r = 0; r < block.rows; r++) {
            double label = block.labels[r];
            if (!Double.isFinite(label)) {
                throw new IllegalArgumentException("label column '" + labelCol + "' holds " + label);
            }
            double[] sums = acc.classes.get(label);
            if (sums == null) {
                if (acc.classes.size() == MAX_CLASSES) {
                    throw new IllegalArgumentException("label column '" + labelCol + "' has more than " + MAX_CLASSES
                            + " distinct values: a classifier needs class labels (did you mean a regression?)");
                }
                sums = new double[d + 2];
                acc.classes.put(label, sums);
            }
            double w = block.weights[r];
            sums[0] += w;
            int o = r * (d + 1);
            for (int j = 0; j <= d; j++) {
                sums[1 + j] += w * x.data[o + j];
            }
        }
        acc.rows += block.rows;
        return acc;
    }

    @Override
    public Sums getResult(Sums acc) {
        return acc;
    }

    @Override
    public Sums merge(Sums a, Sums b) {
        if (b.dim < 0) {
            return a;
        }
        if (a.dim < 0) {
            return b;
        }
        for (int i = 0; i < a.gram.length; i++) {
            a.gram[i] += b.gram[i];
        }
        for (Map.Entry<Double, double[]> entry : b.classes.entrySet()) {
            double[] mine = a.classes.get(entry.getKey());
            if (mine == null) {
                a.classes.put(entry.getKey(), entry.getValue());
            } else {
                for (int i = 0; i < mine.length; i++) {
                    mine[i] += entry.getValue()[i];
                }
            }
        }
        a.rows += b.rows;
        return a;
    }

    /**
     * The classes of positive weight, ascending; fails for none (an empty table) or one.
     *
     * @param sums the merged sums
     * @param labelCol the label column, for the message
     * @param weightCol the weight column or null, for the message
     * @param what the estimator, for the message
     */
    static double[] classes(Sums sums, String labelCol, String weightCol, String what) {
        sums.classes.values().removeIf(s -> s[0] <= 0);
        if (sums.dim < 0 || sums.classes.isEmpty()) {
            throw new IllegalArgumentException("cannot train " + what + " on an empty table: it has no rows"
                    + (weightCol == null ? "" : " of positive weight"));
        }
        if (sums.classes.size() == 1) {
            throw new IllegalArgumentException("label column '" + labelCol + "' has only one class ("
                    + sums.classes.firstKey() + "); a classifier needs at least two");
        }
        return sums.classes.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The total weight. */
    static double weight(Sums sums) {
        return sums.classes.values().stream().mapToDouble(s -> s[0]).sum();
    }
}
