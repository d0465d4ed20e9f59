package dev.flinkjupyter.ml.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How close a regression's predictions are to the labels, from {@link RegressionEvaluator}.
 *
 * <p>Metric names: {@code rmse} (root mean squared error), {@code mse}, {@code mae} (mean
 * absolute error), {@code r2} (1 - residual sum of squares / total sum of squares),
 * {@code explainedVariance} (1 - variance of the errors / variance of the labels, as
 * scikit-learn defines it; it equals R2 when the errors have mean 0), {@code rows}. R2 and the
 * explained variance are NaN when the labels do not vary.
 */
public final class RegressionMetrics implements Metrics {
    private final Map<String, Double> values;

    RegressionMetrics(Map<String, Double> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public Map<String, Double> values() {
        return values;
    }

    /** The root mean squared error. */
    public double rmse() {
        return get("rmse");
    }

    /** The mean absolute error. */
    public double mae() {
        return get("mae");
    }

    /** The coefficient of determination. */
    public double r2() {
        return get("r2");
    }

    /** The explained variance. */
    public double explainedVariance() {
        return get("explainedVariance");
    }

    @Override
    public String toString() {
        return "RegressionMetrics" + values;
    }
}
