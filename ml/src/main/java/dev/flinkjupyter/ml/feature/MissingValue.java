package dev.flinkjupyter.ml.feature;

import org.apache.flink.table.functions.ScalarFunction;

/**
 * A number, or what replaces it when it is missing (null, or equal to the missing value; NaN
 * matches NaN), as a function in a Flink query. With no replacement a missing value becomes null,
 * which aggregates skip: how the {@link Imputer} learns from the present values only.
 */
public final class MissingValue extends ScalarFunction {
    private final double missing;
    private final Double replacement;

    MissingValue(double missing, Double replacement) {
        this.missing = missing;
        this.replacement = replacement;
    }

    /** The value, or the replacement when it is missing. */
    public Double eval(Double value) {
        boolean isMissing = value == null || (Double.isNaN(missing) ? value.isNaN() : value == missing);
        return isMissing ? replacement : value;
    }
}
