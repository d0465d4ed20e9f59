package dev.flinkjupyter.ml.classification;

import dev.flinkjupyter.ml.FeatureBlock;
import dev.flinkjupyter.ml.regression.Curvature;
import dev.flinkjupyter.ml.regression.Gram;
import java.util.Arrays;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One Newton pass of logistic regression at given parameters: the summed log loss, its gradient
 * and Hessian, and the weight of correctly predicted rows. The model is a softmax over K classes
 * whose first class is the reference (its scores are 0), so K-1 blocks of (features + 1)
 * parameters; with two classes this is the usual binary logistic model.
 */
final class LogisticRegressionPass implements AggregateFunction<FeatureBlock, Curvature, Curvature> {
    private final double[] labels;
    private final double[] theta;

    /**
     * @param labels the class labels, ascending
     * @param theta (K-1) blocks of coefficients then intercept
     */
    LogisticRegressionPass(double[] labels, double[] theta) {
        this.labels = labels;
        this.theta = theta;
    }

    @Override
    public Curvature createAccumulator() {
        return new Curvature();
    }

    @Override
    public Curvature add(FeatureBlock block, Curvature acc) {
        int m = labels.length - 1;
        int n = block.dim + 1;
        acc.sized(m * n);
        DMatrixRMaj x = Gram.augmented(block);
        DMatrixRMaj scores = new DMatrixRMaj(block.rows, m);
        CommonOps_DDRM.multTransB(x, DMatrixRMaj.wrap(m, n, theta), scores);
        double[][] p = new double[m][block.rows];
        DMatrixRMaj residuals = new DMatrixRMaj(block.rows, m);
        double[] z = new double[m + 1];
        for (int r = 0; r < block.rows; r++) {
            int c = classOf(block.labels[r]);
            double w = block.weights[r];
            int best = 0;
            for (int a = 1; a <= m; a++) {
                z[a] = scores.data[r * m + a - 1];
                if (z[a] > z[best]) {
                    best = a;
                }
            }
            double max = z[best];
            double sum = 0;
            for (int a = 0; a <= m; a++) {
                sum += Math.exp(z[a] - max);
            }
            double logSum = max + Math.log(sum);
            acc.loss += w * (logSum - z[c]);
            if (best == c) {
                acc.correct += w;
            }
            for (int a = 1; a <= m; a++) {
                double pa = Math.exp(z[a] - logSum);
                p[a - 1][r] = pa;
                residuals.data[r * m + a - 1] = w * (pa - (c == a ? 1 : 0));
            }
            acc.weight += w;
        }
        DMatrixRMaj gradient = DMatrixRMaj.wrap(m, n, acc.gradient);
        CommonOps_DDRM.multAddTransA(residuals, x, gradient);
        double[] s = new double[block.rows];
        DMatrixRMaj part = new DMatrixRMaj(n, n);
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                for (int r = 0; r < block.rows; r++) {
                    s[r] = block.weights[r] * p[a][r] * ((a == b ? 1 : 0) - p[b][r]);
                }
                part.zero();
                if (a == b) {
                    Gram.addScaledInner(x, s, part);
                } else {
                    Gram.addScaledOuter(x, s, part);
                }
                addBlock(acc.hessian, m * n, a * n, b * n, part);
                if (a != b) {
                    addBlock(acc.hessian, m * n, b * n, a * n, part);
                }
            }
        }
        acc.rows += block.rows;
        return acc;
    }

    private int classOf(double label) {
        int c = Arrays.binarySearch(labels, label);
        if (c < 0) {
            throw new IllegalArgumentException("label " + label + " appeared after the classes were counted;"
                    + " is the table deterministic?");
        }
        return c;
    }

    /** Adds the (symmetric) part into the square matrix {@code h} of side {@code size} at (row, col). */
    private static void addBlock(double[] h, int size, int row, int col, DMatrixRMaj part) {
        int n = part.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[(row + i) * size + col + j] += part.data[i * n + j];
            }
        }
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
