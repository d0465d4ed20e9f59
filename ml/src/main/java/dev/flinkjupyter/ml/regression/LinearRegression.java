package dev.flinkjupyter.ml.regression;

import dev.flinkjupyter.ml.Estimator;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.TrainingData;
import dev.flinkjupyter.ml.param.HasFeaturesCol;
import dev.flinkjupyter.ml.param.HasFitIntercept;
import dev.flinkjupyter.ml.param.HasLabelCol;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import dev.flinkjupyter.ml.param.HasReg;
import dev.flinkjupyter.ml.param.HasWeightCol;
import org.apache.flink.table.api.Table;

/**
 * Least-squares linear regression with an L2 (ridge) penalty, trained in ONE pass over the data:
 * the subtasks sum the weighted X<sup>T</sup>X and X<sup>T</sup>y of their rows, and the normal
 * equations are solved here with EJML (Cholesky; a pseudo-inverse when the matrix is singular, as
 * {@link LinearRegressionModel#getSolverNote()} then says).
 *
 * <p>It minimises {@code sum_i w_i (y_i - x_i.b - c)^2 / (2 sum_i w_i) + reg / 2 * |b|^2}: the
 * squared error is averaged over the (weighted) rows, so {@code reg} means the same at any size,
 * and the intercept {@code c} is not penalised.
 *
 * <pre>{@code
 * LinearRegressionModel model = new LinearRegression().setLabelCol("price").setReg(0.01).fit(train);
 * model.getCoefficients();
 * }</pre>
 */
public final class LinearRegression implements Estimator<LinearRegression, LinearRegressionModel>,
        HasFeaturesCol<LinearRegression>, HasLabelCol<LinearRegression>, HasPredictionCol<LinearRegression>,
        HasReg<LinearRegression>, HasFitIntercept<LinearRegression>, HasWeightCol<LinearRegression> {
    private final ParamMap params = new ParamMap(LinearRegression.class);

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /**
     * Trains on one table in one pass. Fails when a column is missing or of the wrong type (naming
     * the table's columns), when the table has no rows of positive weight, or when a value is not
     * finite.
     */
    @Override
    public LinearRegressionModel fit(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("LinearRegression fits one table, got " + inputs.length);
        }
        NormalEquations.Sums sums;
        try (TrainingData data = TrainingData.of(inputs[0], getFeaturesCol(), getLabelCol(), getWeightCol())) {
            sums = data.pass("linear regression: normal equations", new NormalEquations());
        }
        if (sums.dim < 0 || sums.weight <= 0) {
            throw new IllegalArgumentException("cannot train linear regression on an empty table: it has no rows"
                    + (getWeightCol() == null ? "" : " of positive weight"));
        }
        int d = sums.dim;
        int n = getFitIntercept() ? d + 1 : d;
        double[] a = new double[n * n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] = sums.xtx[i * (d + 1) + j] / sums.weight;
            }
            b[i] = sums.xty[i] / sums.weight;
        }
        for (int j = 0; j < d; j++) {
            a[j * n + j] += getReg();
        }
        SymmetricSolve.Solution solution = SymmetricSolve.solve(a, b);
        double[] coefficients = java.util.Arrays.copyOf(solution.x(), d);
        double intercept = getFitIntercept() ? solution.x()[d] : 0;
        double meanY = sums.wy / sums.weight;
        double totalSquares = sums.wyy - sums.weight * meanY * meanY;
        double residualSquares = residualSquares(sums, solution.x(), n);
        LinearRegressionModel.Summary summary = new LinearRegressionModel.Summary(sums.rows, sums.weight,
                Math.sqrt(Math.max(0, residualSquares) / sums.weight),
                totalSquares > 0 ? 1 - residualSquares / totalSquares : Double.NaN, solution.note());
        return new LinearRegressionModel(coefficients, intercept, summary)
                .setFeaturesCol(getFeaturesCol()).setPredictionCol(getPredictionCol());
    }

    /** The weighted residual sum of squares from the sums alone: y'Wy - 2 t'X'Wy + t'X'WX t. */
    private static double residualSquares(NormalEquations.Sums sums, double[] t, int n) {
        int m = sums.dim + 1;
        double rss = sums.wyy;
        for (int i = 0; i < n; i++) {
            rss -= 2 * t[i] * sums.xty[i];
            for (int j = 0; j < n; j++) {
                rss += t[i] * sums.xtx[i * m + j] * t[j];
            }
        }
        return rss;
    }
}
