package dev.flinkjupyter.ml.classification;

import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.ScoringModel;
import dev.flinkjupyter.ml.VectorFunction;
import dev.flinkjupyter.ml.param.HasFeaturesCol;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import dev.flinkjupyter.ml.param.HasProbabilityCol;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.table.api.ApiExpression;

/**
 * A binary logistic model learned online (one version of {@link OnlineLogisticRegression}):
 * {@link #transform} adds the probability of class 1 ({@code DOUBLE}) and the predicted class
 * (1.0 when that probability is at least 0.5, else 0.0).
 */
public final class OnlineLogisticRegressionModel
        extends ScoringModel<OnlineLogisticRegressionModel, OnlineLogisticRegressionModel.Weights>
        implements HasFeaturesCol<OnlineLogisticRegressionModel>, HasPredictionCol<OnlineLogisticRegressionModel>,
        HasProbabilityCol<OnlineLogisticRegressionModel> {
    private static final String HOW_TO_GET_ONE = "take one from an online training or load a saved one";

    /** The coefficients and the intercept. */
    record Weights(double[] coefficients, double intercept) implements Serializable {
        double probability(double[] x) {
            double margin = intercept;
            for (int j = 0; j < x.length; j++) {
                margin += coefficients[j] * x[j];
            }
            return 1 / (1 + Math.exp(-margin));
        }
    }

    /** An empty model, to {@link dev.flinkjupyter.ml.Stage#load load} into. */
    public OnlineLogisticRegressionModel() {
        super(Weights.class, HOW_TO_GET_ONE, null);
    }

    /** A model of these coefficients (one per feature) and intercept. */
    public OnlineLogisticRegressionModel(double[] coefficients, double intercept) {
        super(Weights.class, HOW_TO_GET_ONE, new Weights(coefficients.clone(), intercept));
    }

    /** The coefficients, one per feature. */
    public double[] getCoefficients() {
        return data().coefficients().clone();
    }

    /** The intercept. */
    public double getIntercept() {
        return data().intercept();
    }

    /** The probability of class 1 for these features. */
    public double predictProbability(double... features) {
        return data().probability(checked(features, data().coefficients().length));
    }

    /** The probability column, and the prediction (1.0 when the probability is at least 0.5) after it. */
    @Override
    protected List<Output> outputs(ApiExpression features, String featuresCol) {
        Weights weights = data();
        ApiExpression probability = call(
                VectorFunction.toDouble(weights.coefficients().length, featuresCol, weights::probability), features);
        return List.of(
                new Output("probability", getProbabilityCol(), probability),
                new Output("prediction", getPredictionCol(), probability.isGreaterOrEqual(0.5).then(1.0, 0.0)));
    }

    @Override
    protected void requireComplete(Weights loaded, Path dir) throws IOException {
        if (loaded.coefficients() == null) {
            throw new IOException(dir + " holds a logistic model without coefficients");
        }
    }

    @Override
    protected String describe(Weights weights) {
        return "coefficients " + Arrays.toString(weights.coefficients()) + ", intercept " + weights.intercept();
    }
}
