package dev.flinkjupyter.ml.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How good a classifier is over several classes, from {@link MulticlassClassificationEvaluator}:
 * metrics by name and the confusion matrix.
 *
 * <p>Metric names: {@code accuracy}, {@code weightedPrecision}, {@code weightedRecall},
 * {@code weightedF1} (each class's precision, recall or F1, weighted by its share of the labels;
 * a class never predicted has precision 0), {@code classes}, {@code rows}.
 */
public final class MulticlassClassificationMetrics implements Metrics {
    private final Map<String, Double> values;
    private final ConfusionMatrix confusion;

    MulticlassClassificationMetrics(Map<String, Double> values, ConfusionMatrix confusion) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.confusion = confusion;
    }

    @Override
    public Map<String, Double> values() {
        return values;
    }

    /** The fraction of rows predicted right. */
    public double accuracy() {
        return get("accuracy");
    }

    /** The F1 of each class weighted by its share of the labels. */
    public double weightedF1() {
        return get("weightedF1");
    }

    /** The confusion matrix, with the class labels. */
    public ConfusionMatrix confusionMatrix() {
        return confusion;
    }

    @Override
    public String toString() {
        return "MulticlassClassificationMetrics" + values;
    }
}
