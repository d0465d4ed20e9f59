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
import dev.flinkjupyter.ml.param.HasRawPredictionCol;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.api.Table;

/**
 * A trained linear SVM. {@link #transform} adds the prediction ({@code DOUBLE}: 1.0 when the
 * margin is positive, else 0.0) and the raw prediction, the margin {@code x . w + b} ({@code DOUBLE}),
 * which binary evaluators can rank by.
 */
public final class LinearSVCModel implements Model<LinearSVCModel>, HasFeaturesCol<LinearSVCModel>,
        HasPredictionCol<LinearSVCModel>, HasRawPredictionCol<LinearSVCModel> {
    private final ParamMap params = new ParamMap(LinearSVCModel.class);
    private Data data;

    /** The saved form. */
    record Data(int dim, double[] theta, double[] losses, double[] accuracies, boolean converged, String solverNote)
            implements Serializable {
    }

    /** An empty model, to {@link dev.flinkjupyter.ml.Stage#load load} into. */
    public LinearSVCModel() {
    }

    LinearSVCModel(int dim, double[] theta, TrainingHistory history, boolean converged, String solverNote) {
        this.data = new Data(dim, theta, history.steps().stream().mapToDouble(TrainingHistory.Step::loss).toArray(),
                history.steps().stream().mapToDouble(TrainingHistory.Step::metric).toArray(), converged, solverNote);
    }

    @Override
    public ParamMap getParamMap() {
        return params;
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
        List<TrainingHistory.Step> steps = new ArrayList<>();
        double[] losses = data().losses() == null ? new double[0] : data().losses();
        for (int i = 0; i < losses.length; i++) {
            steps.add(new TrainingHistory.Step(i + 1, losses[i], data().accuracies()[i]));
        }
        return new TrainingHistory("squared hinge + L2", "training accuracy", steps);
    }

    /** The margin {@code x . w + b}. */
    public double margin(double... features) {
        return scores().scores(scores().checked(features))[1];
    }

    /** 1.0 when the margin is positive, else 0.0. */
    public double predict(double... features) {
        return scores().predict(scores().checked(features));
    }

    /** The table with the prediction and raw prediction (margin) columns added. */
    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("LinearSVCModel transforms one table, got " + inputs.length);
        }
        Table table = inputs[0];
        InputColumns.requireVector(table, "features", getFeaturesCol());
        InputColumns.requireAbsent(table, "prediction", getPredictionCol());
        InputColumns.requireAbsent(table, "raw prediction", getRawPredictionCol());
        LinearScores model = scores();
        String column = getFeaturesCol();
        ApiExpression features = $(column).cast(Vectors.TYPE);
        return new Table[] {table.addColumns(
                call(new LinearScoreFunctions.Scalar(model, column, LinearScoreFunctions.Output.PREDICTION), features)
                        .as(getPredictionCol()),
                call(new LinearScoreFunctions.Scalar(model, column, LinearScoreFunctions.Output.MARGIN), features)
                        .as(getRawPredictionCol()))};
    }

    @Override
    public void saveState(Path dir) throws IOException {
        ModelData.write(dir, data());
    }

    @Override
    public void loadState(Path dir) throws IOException {
        Data loaded = ModelData.read(dir, Data.class);
        if (loaded.theta() == null || loaded.theta().length != loaded.dim() + 1) {
            throw new IOException(dir + " holds an incomplete linear SVM model");
        }
        data = loaded;
    }

    @Override
    public String toString() {
        return data == null ? "LinearSVCModel[empty]" : "LinearSVCModel[" + data.dim() + " features]";
    }

    private LinearScores scores() {
        return new LinearScores(new double[] {0, 1}, data().dim(), data().theta());
    }

    private Data data() {
        if (data == null) {
            throw new IllegalStateException("this LinearSVCModel is empty: fit a LinearSVC or load a saved model");
        }
        return data;
    }
}
