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
 * A trained naive Bayes classifier. {@link #transform} adds the predicted label ({@code DOUBLE})
 * and the class probabilities ({@code ARRAY<DOUBLE>}, in the order of {@link #getLabels()}).
 */
public final class NaiveBayesModel extends ScoringModel<NaiveBayesModel, NaiveBayesModel.Data>
        implements HasFeaturesCol<NaiveBayesModel>, HasPredictionCol<NaiveBayesModel>,
        HasProbabilityCol<NaiveBayesModel> {

    /** An empty model, to {@link dev.flinkjupyter.ml.Stage#load load} into. */
    public NaiveBayesModel() {
        this(null);
    }

    private NaiveBayesModel(Data data) {
        super(Data.class, "fit a NaiveBayes or load a saved model", data);
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
            return ClassScores.softmax(logJoint(x));
        }

        double predict(double[] x) {
            return labels[ClassScores.best(logJoint(x))];
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
        return data().predict(checked(features, data().dim()));
    }

    /** The probability of each class (in the order of {@link #getLabels()}) for these features. */
    public double[] predictProbabilities(double... features) {
        return data().probabilities(checked(features, data().dim()));
    }

    /** The prediction and probability columns, in that order. */
    @Override
    protected List<Output> outputs(ApiExpression features, String featuresCol) {
        Data data = data();
        return List.of(
                new Output("prediction", getPredictionCol(),
                        call(VectorFunction.toDouble(data.dim(), featuresCol, data::predict), features)),
                new Output("probability", getProbabilityCol(),
                        call(VectorFunction.toVector(data.dim(), featuresCol, data::probabilities), features)));
    }

    @Override
    protected void requireComplete(Data loaded, Path dir) throws IOException {
        if (loaded.labels() == null || loaded.means() == null
                || (loaded.variances() == null && loaded.logTheta() == null)) {
            throw new IOException(dir + " holds an incomplete naive Bayes model");
        }
    }

    @Override
    protected String describe(Data data) {
        return data.modelType() + ", classes " + Arrays.toString(data.labels()) + ", " + data.dim() + " features";
    }

    private static double[][] deepCopy(double[][] m) {
        return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
    }
}
