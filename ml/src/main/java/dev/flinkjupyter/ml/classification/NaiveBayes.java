package dev.flinkjupyter.ml.classification;

import dev.flinkjupyter.ml.Estimator;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.TrainingData;
import dev.flinkjupyter.ml.param.HasFeaturesCol;
import dev.flinkjupyter.ml.param.HasLabelCol;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import dev.flinkjupyter.ml.param.HasProbabilityCol;
import dev.flinkjupyter.ml.param.HasWeightCol;
import java.util.Map;
import org.apache.flink.table.api.Table;

/**
 * Naive Bayes classification, trained in ONE pass over the data: the per-class counts, means and
 * variances (or feature totals) come back from the cluster, and the model is their closed form.
 *
 * <ul>
 *   <li>{@code gaussian} (default): each feature, given the class, is normal with the class's
 *       mean and (population) variance; {@code varSmoothing} times the largest feature variance is
 *       added to every variance, so that a constant feature does not divide by zero.</li>
 *   <li>{@code multinomial}: features are counts (non-negative); the probability of feature j in
 *       class c is {@code (total_cj + smoothing) / (total_c + smoothing * features)}.</li>
 * </ul>
 * Labels may be any numbers; the classes are the distinct labels, in ascending order.
 *
 * <pre>{@code
 * NaiveBayesModel model = new NaiveBayes().setModelType("multinomial").setLabelCol("spam").fit(train);
 * }</pre>
 */
public final class NaiveBayes implements Estimator<NaiveBayes, NaiveBayesModel>, HasFeaturesCol<NaiveBayes>,
        HasLabelCol<NaiveBayes>, HasWeightCol<NaiveBayes>, HasPredictionCol<NaiveBayes>,
        HasProbabilityCol<NaiveBayes> {
    /** Features normal within each class. */
    public static final String GAUSSIAN = "gaussian";
    /** Features as counts. */
    public static final String MULTINOMIAL = "multinomial";
    /** Which distribution the features follow within a class. */
    public static final Param<String> MODEL_TYPE = new Param<>("modelType", String.class,
            "Which distribution the features follow within a class: gaussian (default) or multinomial (counts).",
            GAUSSIAN, ParamValidator.inArray(GAUSSIAN, MULTINOMIAL));
    /** Additive (Laplace) smoothing of multinomial feature counts. */
    public static final Param<Double> SMOOTHING = new Param<>("smoothing", Double.class,
            "Additive (Laplace) smoothing of the feature counts of multinomial naive Bayes.", 1.0,
            ParamValidator.gtEq(0));
    /** The share of the largest feature variance added to every Gaussian variance. */
    public static final Param<Double> VAR_SMOOTHING = new Param<>("varSmoothing", Double.class,
            "The share of the largest feature variance added to every variance of Gaussian naive Bayes.", 1e-9,
            ParamValidator.gtEq(0));

    private final ParamMap params = new ParamMap(NaiveBayes.class);

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** Which distribution the features follow within a class. */
    public String getModelType() {
        return get(MODEL_TYPE);
    }

    /** Sets {@link #GAUSSIAN} (default) or {@link #MULTINOMIAL}. */
    public NaiveBayes setModelType(String type) {
        return set(MODEL_TYPE, type);
    }

    /** The additive smoothing of multinomial counts. */
    public double getSmoothing() {
        return get(SMOOTHING);
    }

    /** Sets the additive smoothing of multinomial counts (default 1). */
    public NaiveBayes setSmoothing(double smoothing) {
        return set(SMOOTHING, smoothing);
    }

    /** The share of the largest variance added to every Gaussian variance. */
    public double getVarSmoothing() {
        return get(VAR_SMOOTHING);
    }

    /** Sets the share of the largest variance added to every Gaussian variance (default 1e-9). */
    public NaiveBayes setVarSmoothing(double share) {
        return set(VAR_SMOOTHING, share);
    }

    /**
     * Trains on one table in one pass. Fails when the columns are missing or of the wrong type
     * (naming the table's columns), when the table is empty, when the label has a single class,
     * and, for multinomial, when a feature is negative.
     */
    @Override
    public NaiveBayesModel fit(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("NaiveBayes fits one table, got " + inputs.length);
        }
        ClassStatistics.Acc acc;
        try (TrainingData data = TrainingData.of(inputs[0], getFeaturesCol(), getLabelCol(), getWeightCol())) {
            acc = data.pass("naive Bayes: class statistics", new ClassStatistics());
        }
        acc.classes.values().removeIf(stats -> stats[0] <= 0);
        if (acc.classes.isEmpty()) {
            throw new IllegalArgumentException("cannot train naive Bayes on an empty table: it has no rows"
                    + (getWeightCol() == null ? "" : " of positive weight"));
        }
        if (acc.classes.size() == 1) {
            throw new IllegalArgumentException("label column '" + getLabelCol() + "' has only one class ("
                    + acc.classes.firstKey() + "); a classifier needs at least two");
        }
        boolean multinomial = MULTINOMIAL.equals(getModelType());
        if (multinomial && acc.min < 0) {
            throw new IllegalArgumentException("multinomial naive Bayes needs non-negative features (counts), but column '"
                    + getFeaturesCol() + "' holds " + acc.min + "; use modelType=gaussian");
        }
        int classes = acc.classes.size();
        int dim = acc.dim;
        double[] labels = new double[classes];
        double[] weights = new double[classes];
        double[][] means = new double[classes][dim];
        double[][] variances = new double[classes][dim];
        int c = 0;
        for (Map.Entry<Double, double[]> entry : acc.classes.entrySet()) {
            double[] stats = entry.getValue();
            labels[c] = entry.getKey();
            weights[c] = stats[0];
            for (int j = 0; j < dim; j++) {
                means[c][j] = stats[1 + j];
                variances[c][j] = stats[1 + dim + j] / stats[0];
            }
            c++;
        }
        NaiveBayesModel model = multinomial
                ? NaiveBayesModel.multinomial(labels, weights, means, getSmoothing())
                : NaiveBayesModel.gaussian(labels, weights, means, variances, getVarSmoothing());
        return model.setFeaturesCol(getFeaturesCol()).setPredictionCol(getPredictionCol())
                .setProbabilityCol(getProbabilityCol());
    }
}
