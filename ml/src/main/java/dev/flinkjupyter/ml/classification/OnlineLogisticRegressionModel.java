package dev.flinkjupyter.ml.classification;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.Model;
import dev.flinkjupyter.ml.ModelData;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.Vectors;
import dev.flinkjupyter.ml.param.HasFeaturesCol;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import dev.flinkjupyter.ml.param.HasProbabilityCol;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * A binary logistic model learned online (one version of {@link OnlineLogisticRegression}):
 * {@link #transform} adds the probability of class 1 ({@code DOUBLE}) and the predicted class
 * (1.0 when that probability is at least 0.5, else 0.0).
 */
public final class OnlineLogisticRegressionModel implements Model<OnlineLogisticRegressionModel>,
        HasFeaturesCol<OnlineLogisticRegressionModel>, HasPredictionCol<OnlineLogisticRegressionModel>,
        HasProbabilityCol<OnlineLogisticRegressionModel> {
    private final ParamMap params = new ParamMap(OnlineLogisticRegressionModel.class);
    private Weights weights;

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
    }

    /** A model of these coefficients (one per feature) and intercept. */
    public OnlineLogisticRegressionModel(double[] coefficients, double intercept) {
        this.weights = new Weights(coefficients.clone(), intercept);
    }

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** The coefficients, one per feature. */
    public double[] getCoefficients() {
        return weights().coefficients().clone();
    }

    /** The intercept. */
    public double getIntercept() {
        return weights().intercept();
    }

    /** The probability of class 1 for these features. */
    public double predictProbability(double... features) {
        if (features.length != weights().coefficients().length) {
            throw new IllegalArgumentException("the model has " + weights().coefficients().length
                    + " features, the point " + features.length);
        }
        return weights().probability(features);
    }

    /** The table with the probability and prediction columns added. */
    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("OnlineLogisticRegressionModel transforms one table, got " + inputs.length);
        }
        Table table = inputs[0];
        InputColumns.requireVector(table, "features", getFeaturesCol());
        InputColumns.requireAbsent(table, "prediction", getPredictionCol());
        InputColumns.requireAbsent(table, "probability", getProbabilityCol());
        Probability probability = new Probability(weights(), getFeaturesCol());
        Table scored = table.addColumns(
                call(probability, $(getFeaturesCol()).cast(Vectors.TYPE)).as(getProbabilityCol()));
        return new Table[] {scored.addColumns($(getProbabilityCol()).isGreaterOrEqual(0.5)
                .then(1.0, 0.0).as(getPredictionCol()))};
    }

    @Override
    public void saveState(Path dir) throws IOException {
        ModelData.write(dir, weights());
    }

    @Override
    public void loadState(Path dir) throws IOException {
        Weights loaded = ModelData.read(dir, Weights.class);
        if (loaded.coefficients() == null) {
            throw new IOException(dir + " holds a logistic model without coefficients");
        }
        weights = loaded;
    }

    @Override
    public String toString() {
        return weights == null ? "OnlineLogisticRegressionModel[empty]" : "OnlineLogisticRegressionModel[coefficients "
                + Arrays.toString(weights.coefficients()) + ", intercept " + weights.intercept() + "]";
    }

    private Weights weights() {
        if (weights == null) {
            throw new IllegalStateException("this model is empty: take one from an online training or load a saved one");
        }
        return weights;
    }

    /** The probability of class 1, in a query. */
    public static final class Probability extends ScalarFunction {
        private final Weights weights;
        private final String column;

        Probability(Weights weights, String column) {
            this.weights = weights;
            this.column = column;
        }

        /** The probability; null for a null vector. */
        public Double eval(@DataTypeHint("ARRAY<DOUBLE>") Double[] features) {
            double[] x = NaiveBayesModel.vector(features, weights.coefficients().length, column);
            return x == null ? null : weights.probability(x);
        }
    }
}
