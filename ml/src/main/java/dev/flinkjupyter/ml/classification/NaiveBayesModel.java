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
 * A trained naive Bayes classifier. {@link #transform} adds the predicted label ({@code DOUBLE})
 * and the class probabilities ({@code ARRAY<DOUBLE>}, in the order of {@link #getLabels()}).
 */
public final class NaiveBayesModel implements Model<NaiveBayesModel>, HasFeaturesCol<NaiveBayesModel>,
        HasPredictionCol<NaiveBayesModel>, HasProbabilityCol<NaiveBayesModel> {
    private final ParamMap params = new ParamMap(NaiveBayesModel.class);
    private Data data;

    /** An empty model, to {@link dev.flinkjupyter.ml.Stage#load load} into. */
    public NaiveBayesModel() {
    }

    private NaiveBayesModel(Data data) {
        this.data = data;
    }

    /**
     * The learned values.
     *
     * @param modelType {@code gaussian} or {@code multinomial}
     * @param labels the class labels, ascending
     * @param classWeights the total weight (row count) of each class in training
     * @param means per class, the mean of each feature
     * @param variances per class, the variance of each feature after smoothing (Gaussian; else null)
     * @param logTheta per class, the log probability of each feature (multinomial; else null)
     */
    record Data(String modelType, double[] labels, double[] classWeights, double[][] means, double[][] variances,
            double[][] logTheta) implements Serializable {
        /** The log of the prior times the likelihood of each class, up to a common constant. */
        double[] logJoint(double[] x) {
            double total = Arrays.stream(classWeights).sum();
            double[] scores = new double[labels.length];
            for (int c = 0; c < labels.length; c++) {
                double s = Math.log(classWeights[c] / total);
                if (logTheta != null) {
                    for (int j = 0; j < x.length; j++) {
                        s += x[j] * logTheta[c][j];
                    }
                } else {
                    for (int j = 0; j < x.length; j++) {
                        double d = x[j] - means[c][j];
                        s -= 0.5 * Math.log(2 * Math.PI * variances[c][j]) + d * d / (2 * variances[c][j]);
                    }
                }
                scores[c] = s;
            }
            return scores;
        }

        /** The posterior probability of each class. */
        double[] probabilities(double[] x) {
            double[] scores = logJoint(x);
            double max = Arrays.stream(scores).max().orElse(0);
            double sum = 0;
            for (int c = 0; c < scores.length; c++) {
                scores[c] = Math.exp(scores[c] - max);
                sum += scores[c];
            }
            for (int c = 0; c < scores.length; c++) {
                scores[c] /= sum;
            }
            return scores;
        }

        double predict(double[] x) {
            double[] scores = logJoint(x);
            int best = 0;
            for (int c = 1; c < scores.length; c++) {
                if (scores[c] > scores[best]) {
                    best = c;
                }
            }
            return labels[best];
        }

        int dim() {
            return means[0].length;
        }
    }

    static NaiveBayesModel gaussian(double[] labels, double[] weights, double[][] means, double[][] variances,
            double varSmoothing) {
        double largest = 0;
        for (double[] row : variances) {
            for (double v : row) {
                largest = Math.max(largest, v);
            }
        }
        // Without any spread at all, a tiny floor still keeps the densities finite.
        double epsilon = Math.max(varSmoothing * largest, Double.MIN_NORMAL);
        double[][] smoothed = new double[variances.length][];
        for (int c = 0; c < variances.length; c++) {
            smoothed[c] = Arrays.stream(variances[c]).map(v -> v + epsilon).toArray();
        }
        return new NaiveBayesModel(new Data(NaiveBayes.GAUSSIAN, labels, weights, means, smoothed, null));
    }

    static NaiveBayesModel multinomial(double[] labels, double[] weights, double[][] means, double smoothing) {
        int dim = means[0].length;
        double[][] logTheta = new double[labels.length][dim];
        for (int c = 0; c < labels.length; c++) {
            double total = 0;
            for (int j = 0; j < dim; j++) {
                total += means[c][j] * weights[c];
            }
            for (int j = 0; j < dim; j++) {
                logTheta[c][j] = Math.log((means[c][j] * weights[c] + smoothing) / (total + smoothing * dim));
            }
        }
        return new NaiveBayesModel(new Data(NaiveBayes.MULTINOMIAL, labels, weights, means, null, logTheta));
    }

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** {@code gaussian} or {@code multinomial}. */
    public String getModelType() {
        return data().modelType();
    }

    /** The class labels, ascending. */
    public double[] getLabels() {
        return data().labels().clone();
    }

    /** The prior probability of each class: its share of the training weight. */
    public double[] getPriors() {
        double[] w = data().classWeights();
        double total = Arrays.stream(w).sum();
        return Arrays.stream(w).map(x -> x / total).toArray();
    }

    /** Per class, the mean of each feature in training. */
    public double[][] getMeans() {
        return deepCopy(data().means());
    }

    /** Per class, the variance of each feature (smoothed); null for a multinomial model. */
    public double[][] getVariances() {
        return data().variances() == null ? null : deepCopy(data().variances());
    }

    /** Per class, the log probability of each feature; null for a Gaussian model. */
    public double[][] getLogTheta() {
        return data().logTheta() == null ? null : deepCopy(data().logTheta());
    }

    /** The most probable label for these features. */
    public double predict(double... features) {
        return data().predict(checked(features));
    }

    /** The probability of each class (in the order of {@link #getLabels()}) for these features. */
    public double[] predictProbabilities(double... features) {
        return data().probabilities(checked(features));
    }

    /** The table with the prediction and probability columns added. */
    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("NaiveBayesModel transforms one table, got " + inputs.length);
        }
        Table table = inputs[0];
        InputColumns.requireVector(table, "features", getFeaturesCol());
        InputColumns.requireAbsent(table, "prediction", getPredictionCol());
        InputColumns.requireAbsent(table, "probability", getProbabilityCol());
        return new Table[] {table.addColumns(
                call(new PredictedLabel(data(), getFeaturesCol()), $(getFeaturesCol()).cast(Vectors.TYPE))
                        .as(getPredictionCol()),
                call(new Probabilities(data(), getFeaturesCol()), $(getFeaturesCol()).cast(Vectors.TYPE))
                        .as(getProbabilityCol()))};
    }

    @Override
    public void saveState(Path dir) throws IOException {
        ModelData.write(dir, data());
    }

    @Override
    public void loadState(Path dir) throws IOException {
        Data loaded = ModelData.read(dir, Data.class);
        if (loaded.labels() == null || loaded.means() == null
                || (loaded.variances() == null && loaded.logTheta() == null)) {
            throw new IOException(dir + " holds an incomplete naive Bayes model");
        }
        data = loaded;
    }

    @Override
    public String toString() {
        return data == null ? "NaiveBayesModel[empty]" : "NaiveBayesModel[" + data.modelType() + ", classes "
                + Arrays.toString(data.labels()) + ", " + data.dim() + " features]";
    }

    private Data data() {
        if (data == null) {
            throw new IllegalStateException("this NaiveBayesModel is empty: fit a NaiveBayes or load a saved model");
        }
        return data;
    }

    private double[] checked(double[] features) {
        if (features.length != data().dim()) {
            throw new IllegalArgumentException("the model has " + data().dim() + " features, the point "
                    + features.length);
        }
        return features;
    }

    private static double[][] deepCopy(double[][] m) {
        return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
    }

    /** A vector cell as a {@code double[]}, or null when it or an element is null. */
    static double[] vector(Double[] cells, int dim, String column) {
        if (cells == null) {
            return null;
        }
        if (cells.length != dim) {
            throw new IllegalArgumentException("column '" + column + "' holds a vector of " + cells.length
                    + " elements; the model has " + dim + " features");
        }
        double[] x = new double[dim];
        for (int j = 0; j < dim; j++) {
            if (cells[j] == null) {
                return null;
            }
            x[j] = cells[j];
        }
        return x;
    }

    /** The predicted label, in a query. */
    public static final class PredictedLabel extends ScalarFunction {
        private final Data data;
        private final String column;

        PredictedLabel(Data data, String column) {
            this.data = data;
            this.column = column;
        }

        /** The most probable label; null for a null vector. */
        public Double eval(@DataTypeHint("ARRAY<DOUBLE>") Double[] features) {
            double[] x = vector(features, data.dim(), column);
            return x == null ? null : data.predict(x);
        }
    }

    /** The class probabilities, in a query. */
    public static final class Probabilities extends ScalarFunction {
        private final Data data;
        private final String column;

        Probabilities(Data data, String column) {
            this.data = data;
            this.column = column;
        }

        /** The probability of each class; null for a null vector. */
        public @DataTypeHint("ARRAY<DOUBLE>") Double[] eval(@DataTypeHint("ARRAY<DOUBLE>") Double[] features) {
            double[] x = vector(features, data.dim(), column);
            return x == null ? null : Vectors.boxed(data.probabilities(x));
        }
    }
}
