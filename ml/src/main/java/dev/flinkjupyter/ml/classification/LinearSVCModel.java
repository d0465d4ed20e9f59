package dev.flinkjupyter.ml.classification;

import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.ScoringModel;
import dev.flinkjupyter.ml.TrainingHistory;
import dev.flinkjupyter.ml.VectorFunction;
import dev.flinkjupyter.ml.param.HasFeaturesCol;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import dev.flinkjupyter.ml.param.HasRawPredictionCol;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.table.api.ApiExpression;

/**
 * A trained linear SVM. {@link #transform} adds the prediction ({@code DOUBLE}: 1.0 when the
 * margin is positive, else 0.0) and the raw prediction, the margin {@code x . w + b} ({@code DOUBLE}),
 * which binary evaluators can rank by.
 */
public final class LinearSVCModel extends ScoringModel<LinearSVCModel, LinearSVCModel.Data>
        implements HasFeaturesCol<LinearSVCModel>, HasPredictionCol<LinearSVCModel>,
        HasRawPredictionCol<LinearSVCModel> {
    private static final String HOW_TO_GET_ONE = "fit a LinearSVC or load a saved model";

    /** The saved form. */
    record Data(int dim, double[] theta, double[] losses, double[] accuracies, boolean converged, String solverNote)
            implements Serializable {
    }

    /** An empty model, to {@link dev.flinkjupyter.ml.Stage#load load} into. */
    public LinearSVCModel() {
        super(Data.class, HOW_TO_GET_ONE, null);
    }

    LinearSVCModel(int dim, double[] theta, TrainingHistory history, boolean converged, String solverNote) {
        super(Data.class, HOW_TO_GET_ONE, new Data(dim, theta, SavedHistory.losses(history),
                SavedHistory.metrics(history), converged, solverNote));
    }

    /** The coefficients, one per feature. */
    public double[] getCoefficients() {
        return scores().coefficients(1);
    }

    /** The intercept. */
    public double getIntercept() {
        return scores().intercept(1);
    }

    /** Whether training stopped because the tolerance was met (not at maxIter). */
    public boolean isConverged() {
        return data().converged();
    }

    /** Empty when every Newton system was solved by Cholesky; else why a pseudo-inverse was used. */
    public String getSolverNote() {
        return data().solverNote() == null ? "" : data().solverNote();
    }

    /** The objective (mean squared hinge + L2) and training accuracy of each iterate, the start (zeros) first. */
    @Override
    public TrainingHistory getTrainingHistory() {
        return SavedHistory.of("squared hinge + L2", "training accuracy", data().losses(), data().accuracies());
    }

    /** The margin {@code x . w + b}. */
    public double margin(double... features) {
        return scores().scores(checked(features, data().dim()))[1];
    }

    /** 1.0 when the margin is positive, else 0.0. */
    public double predict(double... features) {
        return scores().predict(checked(features, data().dim()));
    }

    /** The prediction and the raw prediction (the margin) columns. */
    @Override
    protected List<Output> outputs(ApiExpression features, String featuresCol) {
        LinearScores model = scores();
        return List.of(
                new Output("prediction", getPredictionCol(),
                        call(VectorFunction.toDouble(model.dim(), featuresCol, model::predict), features)),
                new Output("raw prediction", getRawPredictionCol(),
                        call(VectorFunction.toDouble(model.dim(), featuresCol, x -> model.scores(x)[1]), features)));
    }

    @Override
    protected void requireComplete(Data loaded, Path dir) throws IOException {
        if (loaded.theta() == null || loaded.theta().length != loaded.dim() + 1) {
            throw new IOException(dir + " holds an incomplete linear SVM model");
        }
    }

    @Override
    protected String describe(Data data) {
        return data.dim() + " features";
    }

    private LinearScores scores() {
        return new LinearScores(new double[] {0, 1}, data().dim(), data().theta());
    }
}
