package dev.flinkjupyter.ml.classification;

import dev.flinkjupyter.ml.Estimator;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.TrainingData;
import dev.flinkjupyter.ml.param.HasFeaturesCol;
import dev.flinkjupyter.ml.param.HasFitIntercept;
import dev.flinkjupyter.ml.param.HasLabelCol;
import dev.flinkjupyter.ml.param.HasMaxIter;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import dev.flinkjupyter.ml.param.HasProbabilityCol;
import dev.flinkjupyter.ml.param.HasRawPredictionCol;
import dev.flinkjupyter.ml.param.HasReg;
import dev.flinkjupyter.ml.param.HasTol;
import dev.flinkjupyter.ml.param.HasWeightCol;
import dev.flinkjupyter.ml.regression.Curvature;
import dev.flinkjupyter.ml.regression.NewtonMethod;
import org.apache.flink.table.api.Table;

/**
 * Logistic regression with an L2 penalty, binary or multinomial (softmax), trained by Newton's
 * method (iteratively reweighted least squares): each iteration is ONE pass over the data that
 * returns the gradient and Hessian of the log loss, and EJML solves for the step here. It usually
 * converges in 5 to 8 passes; the training data is kept in the cluster between them.
 *
 * <p>Labels may be any numbers: the classes are the distinct labels in ascending order (0 and 1,
 * or 0..K-1, map to themselves). The first class is the reference of the softmax: its scores are
 * 0, and the model learns K-1 coefficient vectors (each with an intercept, unless
 * {@code setFitIntercept(false)} keeps the intercepts at 0); for two classes that is the usual binary model
 * of the second class's probability. It minimises the weighted mean log loss plus
 * {@code reg / 2} times the squared norm of the coefficients (intercepts not penalised).
 *
 * <p>The first pass finds the classes and is also the first iterate (the loss, gradient and
 * Hessian at zero follow from per-class sums), so K is not a separate pass.
 *
 * <pre>{@code
 * LogisticRegressionModel model = new LogisticRegression().setReg(1e-3).fit(train);
 * model.getTrainingHistory();   // log loss and training accuracy per iteration
 * }</pre>
 */
public final class LogisticRegression implements Estimator<LogisticRegression, LogisticRegressionModel>,
        HasFeaturesCol<LogisticRegression>, HasLabelCol<LogisticRegression>, HasWeightCol<LogisticRegression>,
        HasPredictionCol<LogisticRegression>, HasProbabilityCol<LogisticRegression>,
        HasRawPredictionCol<LogisticRegression>, HasReg<LogisticRegression>, HasMaxIter<LogisticRegression>,
        HasTol<LogisticRegression>, HasFitIntercept<LogisticRegression> {
    private final ParamMap params = new ParamMap(LogisticRegression.class);

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /**
     * Trains on one table. Fails when a column is missing or of the wrong type (naming the table's
     * columns), when the table is empty, when the label has one class or more than
     * {@value LinearClassifierStart#MAX_CLASSES}, or when a weight is negative.
     */
    @Override
    public LogisticRegressionModel fit(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("LogisticRegression fits one table, got " + inputs.length);
        }
        try (TrainingData data = TrainingData.of(inputs[0], getFeaturesCol(), getLabelCol(), getWeightCol())
                .cached()) {
            return fit(data);
        }
    }

    /**
     * Trains on rows already in the cluster: {@link TrainingData#cached() cached} data that an
     * earlier pass or fit loaded is not read again, so several fits on the same data (other
     * {@code reg} values, say) each cost only their passes. The data's own feature, label and
     * weight columns are used; this estimator's column parameters name the model's columns.
     * The caller keeps the data and closes it.
     */
    public LogisticRegressionModel fit(TrainingData data) {
        String label = data.labelCol() == null ? getLabelCol() : data.labelCol();
        LinearClassifierStart.Sums sums = data.pass("logistic regression: classes and iteration 1",
                new LinearClassifierStart(label));
        double[] labels = LinearClassifierStart.classes(sums, label, data.weightCol(), "logistic regression");
        int n = sums.dim + 1;
        int m = labels.length - 1;
        boolean[] penalised = new boolean[m * n];
        boolean[] fixed = new boolean[m * n];
        for (int i = 0; i < penalised.length; i++) {
            penalised[i] = i % n != n - 1;
            fixed[i] = !getFitIntercept() && i % n == n - 1;
        }
        NewtonMethod.Result result = NewtonMethod.minimise(data, "logistic regression: Newton step",
                new double[m * n], atZero(sums, labels),
                new NewtonMethod.Problem(penalised, fixed, getReg(), getMaxIter(), getTol(), "log loss + L2"),
                theta -> new LogisticRegressionPass(labels, theta));
        return new LogisticRegressionModel(labels, sums.dim, result.theta(), result.history(),
                result.converged(), result.note())
                .setFeaturesCol(getFeaturesCol()).setPredictionCol(getPredictionCol())
                .setProbabilityCol(getProbabilityCol()).setRawPredictionCol(getRawPredictionCol());
    }

    /**
     * The sums of a {@link LogisticRegressionPass} at zero parameters, from per-class sums: every
     * class has probability 1/K, so the loss is W log K, the gradient of class a's block is
     * S/K - S_a, and its Hessian blocks are (1/K)(delta_ab - 1/K) X'WX.
     */
    static Curvature atZero(LinearClassifierStart.Sums sums, double[] labels) {
        int k = labels.length;
        int m = k - 1;
        int n = sums.dim + 1;
        Curvature c = new Curvature().sized(m * n);
        double[][] perClass = sums.classes.values().toArray(new double[0][]);
        double[] total = new double[n];
        for (double[] s : perClass) {
            for (int j = 0; j < n; j++) {
                total[j] += s[1 + j];
            }
        }
        c.rows = sums.rows;
        c.weight = LinearClassifierStart.weight(sums);
        c.loss = c.weight * Math.log(k);
        c.correct = perClass[0][0];
        for (int a = 0; a < m; a++) {
            for (int j = 0; j < n; j++) {
                c.gradient[a * n + j] = total[j] / k - perClass[a + 1][1 + j];
            }
            for (int b = 0; b < m; b++) {
                double f = ((a == b ? 1.0 : 0.0) - 1.0 / k) / k;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        c.hessian[(a * n + i) * (m * n) + b * n + j] = f * sums.gram[i * n + j];
                    }
                }
            }
        }
        return c;
    }
}
