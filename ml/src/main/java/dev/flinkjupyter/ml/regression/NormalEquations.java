package dev.flinkjupyter.ml.regression;

import dev.flinkjupyter.ml.FeatureBlock;
import java.io.Serializable;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * The pass of linear regression: per subtask, the weighted X<sup>T</sup>X and X<sup>T</sup>y of
 * the augmented rows, and the sums that give the loss and R<sup>2</sup>; merged by adding.
 */
final class NormalEquations implements AggregateFunction<FeatureBlock, NormalEquations.Sums, NormalEquations.Sums> {

    /** The sufficient statistics of least squares. */
    static final class Sums implements Serializable {
        private static final long serialVersionUID = 1L;
        /** The number of features, -1 before the first block. */
        int dim = -1;
        long rows;
        /** Augmented X^T W X, (dim+1) square, row-major. */
        double[] xtx;
        /** Augmented X^T W y. */
        double[] xty;
        double weight;
        double wy;
        double wyy;
    }

    @Override
    public Sums createAccumulator() {
        return new Sums();
    }

    @Override
    public Sums add(FeatureBlock block, Sums acc) {
        if (acc.dim < 0) {
            acc.dim = block.dim;
            acc.xtx = new double[(block.dim + 1) * (block.dim + 1)];
            acc.xty = new double[block.dim + 1];
        }
        DMatrixRMaj x = Gram.augmented(block);
        Gram.addScaledInner(x, block.weights, DMatrixRMaj.wrap(acc.dim + 1, acc.dim + 1, acc.xtx));
        double[] wy = new double[block.rows];
        for (int r = 0; r < block.rows; r++) {
            double w = block.weights[r];
            double y = block.labels[r];
            wy[r] = w * y;
            acc.weight += w;
            acc.wy += w * y;
            acc.wyy += w * y * y;
        }
        Gram.addScaledSum(x, wy, acc.xty);
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
        for (int i = 0; i < a.xtx.length; i++) {
            a.xtx[i] += b.xtx[i];
        }
        for (int i = 0; i < a.xty.length; i++) {
            a.xty[i] += b.xty[i];
        }
        a.rows += b.rows;
        a.weight += b.weight;
        a.wy += b.wy;
        a.wyy += b.wyy;
        return a;
    }
}
