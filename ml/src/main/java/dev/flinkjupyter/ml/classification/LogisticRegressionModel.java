package dev.flinkjupyter.ml.classification;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.Model;
import dev.flinkjupyter.ml.ModelData;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.TrainingHistory;
import dev.flinkjupyter.ml.Vectors;
import dev.flinkjupyter.ml.param.HasFeaturesCol;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import dev.flinkjupyter.ml.param.HasProbabilityCol;
import dev.flinkjupyter.ml.param.HasRawPredictionCol;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.api.Table;

/**
 * A trained logistic regression. {@link #transform} adds three columns:
 * <ul>
 *   <li>prediction ({@code DOUBLE}): the most probable label;</li>
 *   <li>probability: for two classes the probability of the second (larger) label, {@code DOUBLE},
 *       which is what binary evaluators read as the score; for more classes one probability per
 *       class, {@code ARRAY<DOUBLE>} in the order of {@link #getLabels()};</li>
 *   <li>rawPrediction: for two classes the margin {@code x . w + b} ({@code DOUBLE}); for more, the
 *       score of every class ({@code ARRAY<DOUBLE>}, the first class's is 0).</li>
 * </ul>
 */
public final class LogisticRegressionModel implements Model<LogisticRegressionModel>,
        HasFeaturesCol<LogisticRegressionModel>, HasPredictionCol<LogisticRegressionModel>,
        HasProbabilityCol<LogisticRegressionModel>, HasRawPredictionCol<LogisticRegressionModel> {
    private final ParamMap params = new ParamMap(LogisticRegressionModel.class);
    private Data data;

    /** The saved form: the scores, and the history as columns. */
    record Data(double[] labels, int dim, double[] theta, double[] losses, double[] accuracies, boolean converged,
            String solverNote) implements Serializable {
    }

    /** An empty model, to {@link dev.flinkjupyter.ml.Stage#load load} into. */
    public LogisticRegressionModel() {
    }

    LogisticRegressionModel(double[] labels, int dim, double[] theta, TrainingHistory history, boolean converged,
            String solverNote) {
        double[] losses = history.steps().stream().mapToDouble(TrainingHistory.Step::loss).toArray();
        double[] accuracies = history.steps().stream().mapToDouble(TrainingHistory.Step::metric).toArray();
        this.data = new Data(labels, dim, theta, losses, accuracies, converged, solverNote);
    }

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** The class labels, ascending. */
    public double[] getLabels() {
        return data().labels().clone();
    }

    /** The number of features. */
    public int getNumFeatures() {
        return data().dim();
    }

    /** Whether there are two classes. */
    public boolean isBinary() {
        return data().labels().length == 2;
    }

    /** For two classes, the coefficients of the second class's log-odds, one per feature. */
    public double[] getCoefficients() {
        requireBinary("getCoefficients");
        return scores().coefficients(1);
    }

    /** For two classes, the intercept of the second class's log-odds. */
    public double getIntercept() {
        requireBinary("getIntercept");
        return scores().intercept(1);
    }

    /** Per class (in label order), the coefficients of its score; the first class's are zeros (the reference). */
    public double[][] getCoefficientMatrix() {
        double[][] out = new double[data().labels().length][];
        for (int a = 0; a < out.length; a++) {
            out[a] = scores().coefficients(a);
        }
        return out;
    }

    /** Per class (in label order), the intercept of its score; the first class's is 0. */
    public double[] getIntercepts() {
        double[] out = new double[data().labels().length];
        for (int a = 0; a < out.length; a++) {
            out[a] = scores().intercept(a);
        }
        return out;
    }

    /** Whether training stopped because the tolerance was met (not at maxIter). */
    public boolean isConverged() {
        return data().converged();
    }

    /** Empty when every Newton system was solved by Cholesky; else why a pseudo-inverse was used. */
    public String getSolverNote() {
        return data().solverNote() == null ? "" : data().solverNote();
    }

    /** The objective (mean log loss + L2) and training accuracy of each iterate, the start (all zeros) first. */
    @Override
    public TrainingHistory getTrainingHistory() {
        List<TrainingHistory.Step> steps = new ArrayList<>();
        double[] losses = data().losses() == null ? new double[0] : data().losses();
        for (int i = 0; i < losses.length; i++) {
            steps.add(new TrainingHistory.Step(i + 1, losses[i], data().accuracies()[i]));
        }
        return new TrainingHistory("log loss + L2", "training accuracy", steps);
    }

    /** The most probable label for these features. */
    public double predict(double... features) {
        return scores().predict(scores().checked(features));
    }

    /** The probability of every class, in the order of {@link #getLabels()}. */
    public double[] predictProbabilities(double... features) {
        return scores().probabilities(scores().checked(features));
    }

    /** The table with the prediction, probability and raw prediction columns added. */
    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("LogisticRegressionModel transforms one table, got " + inputs.length);
        }
        Table table = inputs[0];
        InputColumns.requireVector(table, "features", getFeaturesCol());
        InputColumns.requireAbsent(table, "prediction", getPredictionCol());
        InputColumns.requireAbsent(table, "probability", getProbabilityCol());
        InputColumns.requireAbsent(table, "raw prediction", getRawPredictionCol());
        LinearScores model = scores();
        String column = getFeaturesCol();
        ApiExpression features = $(column).cast(Vectors.TYPE);
        ApiExpression probability = isBinary()
                ? call(new LinearScoreFunctions.Scalar(model, column,
                        LinearScoreFunctions.Output.LAST_CLASS_PROBABILITY), features)
                : call(new LinearScoreFunctions.PerClass(model, column, true), features);
        ApiExpression raw = isBinary()
                ? call(new LinearScoreFunctions.Scalar(model, column, LinearScoreFunctions.Output.MARGIN), features)
                : call(new LinearScoreFunctions.PerClass(model, column, false), features);
        return new Table[] {table.addColumns(
                call(new LinearScoreFunctions.Scalar(model, column, LinearScoreFunctions.Output.PREDICTION), features)
                        .as(getPredictionCol()),
                probability.as(getProbabilityCol()),
                raw.as(getRawPredictionCol()))};
    }

    @Override
    public void saveState(Path dir) throws IOException {
        ModelData.write(dir, data());
    }

    @Override
    public void loadState(Path dir) throws IOException {
        Data loaded = ModelData.read(dir, Data.class);
        if (loaded.labels() == null || loaded.theta() == null
                || loaded.theta().length != (loaded.labels().length - 1) * (loaded.dim() + 1)) {
            throw new IOException(dir + " holds an incomplete logistic regression model");
        }
        data = loaded;
    }

    @Override
    public String toString() {
        return data == null ? "LogisticRegressionModel[empty]" : "LogisticRegressionModel[classes "
                + Arrays.toString(data.labels()) + ", " + data.dim() + " features]";
    }

    private LinearScores scores() {
        return new LinearScores(data().labels(), data().dim(), data().theta());
    }

    private void requireBinary(String method) {
        if (!isBinary()) {
            throw new IllegalStateException(method + " is for two classes; this model has "
                    + data().labels().length + ": use getCoefficientMatrix() and getIntercepts()");
        }
    }

    private Data data() {
        if (data == null) {
            throw new IllegalStateException(
                    "this LogisticRegressionModel is empty: fit a LogisticRegression or load a saved model");
        }
        return data;
    }
}
