package dev.flinkjupyter.ml.classification;

import dev.flinkjupyter.ml.Estimator;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.TrainingData;
import dev.flinkjupyter.ml.param.HasFeaturesCol;
import dev.flinkjupyter.ml.param.HasFitIntercept;
import dev.flinkjupyter.ml.param.HasLabelCol;
import dev.flinkjupyter.ml.param.HasMaxIter;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import dev.flinkjupyter.ml.param.HasRawPredictionCol;
import dev.flinkjupyter.ml.param.HasReg;
import dev.flinkjupyter.ml.param.HasTol;
import dev.flinkjupyter.ml.param.HasWeightCol;
import dev.flinkjupyter.ml.regression.Curvature;
import dev.flinkjupyter.ml.regression.NewtonMethod;
import java.util.Arrays;
import org.apache.flink.table.api.Table;

/**
 * A binary linear support vector machine: it minimises the weighted mean squared hinge loss
 * {@code max(0, 1 - y (x . w + b))^2} (y = -1 for label 0, +1 for label 1) plus {@code reg / 2}
 * times {@code |w|^2} (the intercept is not penalised), by Newton passes with the generalised
 * Hessian: ONE pass over the data per step, a handful of steps. Labels must be 0 and 1.
 *
 * <pre>{@code
 * LinearSVCModel model = new LinearSVC().setReg(0.01).fit(train);
 * }</pre>
 */
public final class LinearSVC implements Estimator<LinearSVC, LinearSVCModel>, HasFeaturesCol<LinearSVC>,
        HasLabelCol<LinearSVC>, HasWeightCol<LinearSVC>, HasPredictionCol<LinearSVC>, HasRawPredictionCol<LinearSVC>,
        HasReg<LinearSVC>, HasMaxIter<LinearSVC>, HasTol<LinearSVC>, HasFitIntercept<LinearSVC> {
    private final ParamMap params = new ParamMap(LinearSVC.class);

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /**
     * Trains on one table. Fails when a column is missing or of the wrong type, when the table is
     * empty, or when the labels are not 0 and 1 (both present).
     */
    @Override
    public LinearSVCModel fit(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("LinearSVC fits one table, got " + inputs.length);
        }
        try (TrainingData data = TrainingData.of(inputs[0], getFeaturesCol(), getLabelCol(), getWeightCol())
                .cached()) {
            LinearClassifierStart.Sums sums = data.pass("linear SVM: classes and iteration 1",
                    new LinearClassifierStart(getLabelCol()));
            double[] labels = LinearClassifierStart.classes(sums, getLabelCol(), getWeightCol(), "a linear SVM");
            if (!Arrays.equals(labels, new double[] {0, 1})) {
                throw new IllegalArgumentException("LinearSVC needs labels 0 and 1 in column '" + getLabelCol()
                        + "', which holds " + Arrays.toString(labels) + "; map the classes to 0/1 first"
                        + " (StringIndexer), or use LogisticRegression for more than two");
            }
            int n = sums.dim + 1;
            boolean[] penalised = new boolean[n];
            Arrays.fill(penalised, 0, n - 1, true);
            boolean[] fixed = new boolean[n];
            fixed[n - 1] = !getFitIntercept();
            NewtonMethod.Result result = NewtonMethod.minimise(data, "linear SVM: Newton step", new double[n],
                    atZero(sums), new NewtonMethod.Problem(penalised, fixed, getReg(), getMaxIter(), getTol(),
                            "squared hinge + L2"),
                    LinearSVCPass::new);
            return new LinearSVCModel(sums.dim, result.theta(), result.history(), result.converged(), result.note())
                    .setFeaturesCol(getFeaturesCol()).setPredictionCol(getPredictionCol())
                    .setRawPredictionCol(getRawPredictionCol());
        }
    }

    /**
     * The sums of a {@link LinearSVCPass} at zero: every row is inside the margin with loss 1, the
     * gradient is {@code -2 (S_1 - S_0)} from the per-class sums, the Hessian {@code 2 X'WX}.
     */
    static Curvature atZero(LinearClassifierStart.Sums sums) {
        int n = sums.dim + 1;
        Curvature c = new Curvature().sized(n);
        double[] zero = sums.classes.get(0.0);
        double[] one = sums.classes.get(1.0);
        c.rows = sums.rows;
        c.weight = zero[0] + one[0];
        c.loss = c.weight;
        c.correct = zero[0];
        for (int j = 0; j < n; j++) {
            c.gradient[j] = -2 * (one[1 + j] - zero[1 + j]);
        }
        for (int i = 0; i < c.hessian.length; i++) {
            c.hessian[i] = 2 * sums.gram[i];
        }
        return c;
    }
}
