package dev.flinkjupyter.ml.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How good a binary classifier is, from {@link BinaryClassificationEvaluator}: the metrics by
 * name, the ROC and precision-recall curves, and the confusion counts at the threshold.
 *
 * <p>Metric names: {@code areaUnderROC}, {@code areaUnderPR}, {@code logLoss}, {@code accuracy},
 * {@code precision}, {@code recall}, {@code f1}, {@code threshold} (NaN when a prediction column was
 * used), {@code rows}. A metric that is
 * undefined on this data (an area with one class only, a precision with no positive prediction,
 * a log loss of scores that are not probabilities) is NaN.
 */
public final class BinaryClassificationMetrics implements Metrics {
    private final Map<String, Double> values;
    private final Curve roc;
    private final Curve pr;
    private final double[][] confusion;

    BinaryClassificationMetrics(Map<String, Double> values, Curve roc, Curve pr, double[][] confusion) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.roc = roc;
        this.pr = pr;
        this.confusion = new double[][] {confusion[0].clone(), confusion[1].clone()};
    }

    @Override
    public Map<String, Double> values() {
        return values;
    }

    /** The area under the ROC curve. */
    public double areaUnderROC() {
        return get("areaUnderROC");
    }

    /** The area under the precision-recall curve. */
    public double areaUnderPR() {
        return get("areaUnderPR");
    }

    /** The mean log loss (cross-entropy) of the probabilities. */
    public double logLoss() {
        return get("logLoss");
    }

    /** The fraction of rows predicted right at the threshold. */
    public double accuracy() {
        return get("accuracy");
    }

    /** The ROC curve: true positive rate over false positive rate, at most a thousand points. */
    public Curve roc() {
        return roc;
    }

    /** The precision-recall curve: precision over recall, at most a thousand points. */
    public Curve precisionRecall() {
        return pr;
    }

    /**
     * The confusion counts (weights) at the threshold: {@code [label][prediction]}, so
     * {@code [1][1]} are the true positives and {@code [0][1]} the false positives. A copy.
     */
    public double[][] confusion() {
        return new double[][] {confusion[0].clone(), confusion[1].clone()};
    }

    @Override
    public String toString() {
        return "BinaryClassificationMetrics" + values;
    }
}
