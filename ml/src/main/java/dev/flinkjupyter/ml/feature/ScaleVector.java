package dev.flinkjupyter.ml.feature;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code (x - shift) * scale + offset} element by element, as a function in a Flink query: how
 * both scalers apply what they learned. A null vector stays null; a vector of the wrong size fails
 * naming the column.
 */
public final class ScaleVector extends ScalarFunction {
    private final double[] shift;
    private final double[] scale;
    private final double[] offset;
    private final String column;

    ScaleVector(double[] shift, double[] scale, double[] offset, String column) {
        this.shift = shift.clone();
        this.scale = scale.clone();
        this.offset = offset.clone();
        this.column = column;
    }

    /** The scaled vector. */
    public @DataTypeHint("ARRAY<DOUBLE>") Double[] eval(@DataTypeHint("ARRAY<DOUBLE>") Double[] x) {
        if (x == null) {
            return null;
        }
        if (x.length != shift.length) {
            throw new IllegalArgumentException("column '" + column + "' holds a vector of " + x.length
                    + " elements; the scaler was fitted on " + shift.length);
        }
        Double[] out = new Double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = x[j] == null ? null : (x[j] - shift[j]) * scale[j] + offset[j];
        }
        return out;
    }
}
