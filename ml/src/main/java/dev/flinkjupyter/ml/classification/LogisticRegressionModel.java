package dev.flinkjupyter.ml.classification;

import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.ScoringModel;
import dev.flinkjupyter.ml.TrainingHistory;
import dev.flinkjupyter.ml.VectorFunction;
import dev.flinkjupyter.ml.param.HasFeaturesCol;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import dev.flinkjupyter.ml.param.HasProbabilityCol;
import dev.flinkjupyter.ml.param.HasRawPredictionCol;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.table.api.ApiExpression;

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
public final class LogisticRegressionModel
        extends ScoringModel<LogisticRegressionModel, LogisticRegressionModel.Data>
        implements HasFeaturesCol<LogisticRegressionModel>, HasPredictionCol<LogisticRegressionModel>,
        HasProbabilityCol<LogisticRegressionModel>, HasRawPredictionCol<LogisticRegressionModel> {
    private static final String HOW_TO_GET_ONE = "fit a LogisticRegression or load a saved model";

    /** The saved form: the scores, and the history as columns. */
    record Data(double[] labels, int dim, double[] theta, double[] losses, double[] accuracies, boolean converged,
            String solverNote) implements Serializable {
    }

    /** An empty model, to {@link dev.flinkjupyter.ml.Stage#load load} into. */
    public LogisticRegressionModel() {
        super(Data.class, HOW_TO_GET_ONE, null);
    }

    LogisticRegressionModel(double[] labels, int dim, double[] theta, TrainingHistory history, boolean converged,
            String solverNote) {
        super(Data.class, HOW_TO_GET_ONE, new Data(labels, dim, theta, SavedHistory.losses(history),
                SavedHistory.metrics(history), converged, solverNote));
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
        return SavedHistory.of("log loss + L2", "training accuracy", data().losses(), data().accuracies());
    }

    /** The most probable label for these features. */
    public double predict(double... features) {
        return scores().predict(checked(features, data().dim()));
    }

    /** The probability of every class, in the order of {@link #getLabels()}. */
    public double[] predictProbabilities(double... features) {
        return scores().probabilities(checked(features, data().dim()));
    }

    /**
     * The prediction, probability and raw prediction columns: for two classes each a number, for
     * more the last two a number per class.
     */
    @Override
    protected List<Output> outputs(ApiExpression features, String featuresCol) {
        LinearScores model = scores();
        int dim = model.dim();
        ApiExpression probability = isBinary()
                ? call(VectorFunction.toDouble(dim, featuresCol, x -> model.probabilities(x)[1]), features)
                : call(VectorFunction.toVector(dim, featuresCol, model::probabilities), features);
        ApiExpression raw = isBinary()
                ? call(VectorFunction.toDouble(dim, featuresCol, x -> model.scores(x)[1]), features)
                : call(VectorFunction.toVector(dim, featuresCol, model::scores), features);
        return List.of(
                new Output("prediction", getPredictionCol(),
                        call(VectorFunction.toDouble(dim, featuresCol, model::predict), features)),
                new Output("probability", getProbabilityCol(), probability),
                new Output("raw prediction", getRawPredictionCol(), raw));
    }

    @Override
    protected void requireComplete(Data loaded, Path dir) throws IOException {
        if (loaded.labels() == null || loaded.theta() == null
                || loaded.theta().length != (loaded.labels().length - 1) * (loaded.dim() + 1)) {
            throw new IOException(dir + " holds an incomplete logistic regression model");
        }
    }

    @Override
    protected String describe(Data data) {
        return "classes " + Arrays.toString(data.labels()) + ", " + data.dim() + " features";
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
}
