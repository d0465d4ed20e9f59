package dev.flinkjupyter.ml.feature;

import dev.flinkjupyter.ml.param.HasHandleInvalid;
import java.util.Arrays;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * A category index as a one-hot vector, as a function in a Flink query. Slot {@code i} is 1 for
 * index {@code i}; an index past the vector's end (the dropped last category) is all zeros. An
 * invalid index (null, negative, fractional, or not below the number of categories) fails naming
 * the column, gives null (the row is dropped) or sets the extra last slot, as
 * {@code handleInvalid} says.
 */
public final class OneHot extends ScalarFunction {
    private final int categories;
    private final int size;
    private final String handleInvalid;
    private final String column;

    OneHot(int categories, int size, String handleInvalid, String column) {
        this.categories = categories;
        this.size = size;
        this.handleInvalid = handleInvalid;
        this.column = column;
    }

    /** The one-hot vector of an index. */
    public @DataTypeHint("ARRAY<DOUBLE>") Double[] eval(Double index) {
        Double[] out = new Double[size];
        Arrays.fill(out, 0.0);
        int slot;
        if (index != null && index >= 0 && index < categories && index == Math.rint(index)) {
            slot = index.intValue();
        } else if (HasHandleInvalid.SKIP.equals(handleInvalid)) {
            return null;
        } else if (HasHandleInvalid.KEEP.equals(handleInvalid)) {
            slot = categories;
        } else {
            throw new IllegalArgumentException("OneHotEncoder: column '" + column + "' holds " + index
                    + ", not a category index in [0, " + categories + ") as in fitting; set handleInvalid to skip"
                    + " (drop such rows) or keep (an extra slot)");
        }
        if (slot < size) {
            out[slot] = 1.0;
        }
        return out;
    }
}
