package dev.flinkjupyter.bench.ml;

import dev.flinkjupyter.ml.FeatureBlock;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * One full-batch gradient of the logistic loss, the unit of work of a first-order logistic
 * regression: the same arithmetic as the plain loop it is compared with, as a pass over blocks.
 */
final class GradientPass implements AggregateFunction<FeatureBlock, double[], Object> {
    private final double[] w;

    GradientPass(double[] w) {
        this.w = w;
    }

    @Override
    public double[] createAccumulator() {
        return new double[w.length];
    }

    @Override
    public double[] add(FeatureBlock block, double[] g) {
        int d = block.dim;
        double[] x = block.features;
        for (int r = 0; r < block.rows; r++) {
            int o = r * d;
            double margin = w[d];
            for (int j = 0; j < d; j++) {
                margin += w[j] * x[o + j];
            }
            double e = 1 / (1 + Math.exp(-margin)) - block.labels[r];
            for (int j = 0; j < d; j++) {
                g[j] += e * x[o + j];
            }
            g[d] += e;
        }
        return g;
    }

    @Override
    public double[] merge(double[] a, double[] b) {
        for (int j = 0; j < a.length; j++) {
            a[j] += b[j];
        }
        return a;
    }

    @Override
    public Object getResult(double[] g) {
        return g;
    }

    /** The same gradient in a plain loop over {@code double[][]}. */
    static double[] plain(double[][] x, double[] y, double[] w) {
        int d = x[0].length;
        double[] g = new double[d + 1];
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            double margin = w[d];
            for (int j = 0; j < d; j++) {
                margin += w[j] * row[j];
            }
            double e = 1 / (1 + Math.exp(-margin)) - y[i];
            for (int j = 0; j < d; j++) {
                g[j] += e * row[j];
            }
            g[d] += e;
        }
        return g;
    }
}
