package dev.flinkjupyter.ml.param;

import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.WithParams;

/** The output columns, one per input column. */
public interface HasOutputCols<T> extends WithParams<T> {
    /** The output columns, one per input column. */
    Param<String[]> OUTPUT_COLS = new Param<>("outputCols", String[].class, "The output columns, one per input column.", null,
            ParamValidator.nonEmptyNames());

    /** The output columns, one per input column. */
    default String[] getOutputCols() {
        return get(OUTPUT_COLS);
    }

    /** Sets the output columns, one per input column. */
    default T setOutputCols(String... value) {
        return set(OUTPUT_COLS, value);
    }
}
