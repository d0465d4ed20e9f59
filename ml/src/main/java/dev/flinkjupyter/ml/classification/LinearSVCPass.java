package dev.flinkjupyter.ml.classification;

import dev.flinkjupyter.ml.FeatureBlock;
import dev.flinkjupyter.ml.regression.Curvature;
import dev.flinkjupyter.ml.regression.Gram;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One Newton pass of the linear SVM at given parameters: the summed squared hinge loss
 * {@code w * max(0, 1 - y m)^2} (y = -1 or +1, m the margin), its gradient, and its generalised
 * Hessian {@code 2 w x x'} over the rows inside the margin. The loss is piecewise quadratic, so
 * Newton's method with this Hessian converges in a few steps.
 */
final class LinearSVCPass implements org.apache.flink.api.common.functions.AggregateFunction<FeatureBlock, Curvature,
        Curvature> {
    private final double[] theta;

    LinearSVCPass(double[] theta) {
        this.theta = theta;
    }

    @Override
    public Curvature createAccumulator() {
        return new Curvature();
    }

    @Override
    public Curvature add(FeatureBlock block, Curvature acc) {
        int n = block.dim + 1;
        acc.sized(n);
        DMatrixRMaj x = Gram.augmented(block);
        DMatrixRMaj margins = new DMatrixRMaj(block.rows, 1);
        CommonOps_DDRM.mult(x, DMatrixRMaj.wrap(n, 1, theta), margins);
        double[] curvature = new double[block.rows];
        double[] slope = new double[block.rows];
        for (int r = 0; r < block.rows; r++) {
            double label = block.labels[r];
            double w = block.weights[r];
            double m = margins.data[r];
            double y = label == 1 ? 1 : -1;
            double z = 1 - y * m;
            if (z > 0) {
                acc.loss += w * z * z;
                slope[r] = -2 * w * y * z;
                curvature[r] = 2 * w;
            }
            if ((m > 0 ? 1 : 0) == label) {
                acc.correct += w;
            }
            acc.weight += w;
        }
        Gram.addScaledSum(x, slope, acc.gradient);
        Gram.addScaledInner(x, curvature, DMatrixRMaj.wrap(n, n, acc.hessian));
        acc.rows += block.rows;
        return acc;
    }

    @Override
    public Curvature getResult(Curvature acc) {
        return acc;
    }

    @Override
    public Curvature merge(Curvature a, Curvature b) {
        return a.merge(b);
    }
}
