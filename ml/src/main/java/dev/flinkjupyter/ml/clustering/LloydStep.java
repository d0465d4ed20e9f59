package dev.flinkjupyter.ml.clustering;

import dev.flinkjupyter.ml.FeatureBlock;
import java.io.Serializable;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * One Lloyd iteration's pass: every row goes to its nearest centre; per centre, the weighted sum
 * of its rows and their total weight come back (the new centre is their quotient), with the
 * inertia of the centres the pass was given.
 */
final class LloydStep implements AggregateFunction<FeatureBlock, LloydStep.Sums, Object> {
    /** Per centre: the weighted sum of its rows, their weight; and the inertia. */
    static final class Sums implements Serializable {
        final double[] sums;
        final double[] weights;
        double inertia;

        Sums(int k, int dim) {
            sums = new double[k * dim];
            weights = new double[k];
        }
    }

    private final double[] centres;
    private final int k;
    private final int dim;

    LloydStep(double[][] centres) {
        this.centres = Centroids.flatten(centres);
        this.k = centres.length;
        this.dim = centres[0].length;
    }

    @Override
    public Sums createAccumulator() {
        return new Sums(k, dim);
    }

    @Override
    public Sums add(FeatureBlock block, Sums acc) {
        double[] x = block.features;
        for (int r = 0; r < block.rows; r++) {
            int offset = r * dim;
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double d = Centroids.squaredDistance(x, offset, centres, c, dim);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            double w = block.weights[r];
            acc.weights[best] += w;
            acc.inertia += w * bestDistance;
            int sumOffset = best * dim;
            for (int j = 0; j < dim; j++) {
                acc.sums[sumOffset + j] += w * x[offset + j];
            }
        }
        return acc;
    }

    @Override
    public Sums merge(Sums a, Sums b) {
        for (int i = 0; i < a.sums.length; i++) {
            a.sums[i] += b.sums[i];
        }
        for (int c = 0; c < k; c++) {
            a.weights[c] += b.weights[c];
        }
        a.inertia += b.inertia;
        return a;
    }

    @Override
    public Object getResult(Sums acc) {
        return acc;
    }
}
