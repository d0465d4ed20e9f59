package dev.flinkjupyter.ml.param;

import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.WithParams;

/** The input columns. */
public interface HasInputCols<T> extends WithParams<T> {
    /** The input columns. */
    Param<String[]> INPUT_COLS = new Param<>("inputCols", String[].class, "The input columns.", null,
            ParamValidator.nonEmptyNames());

    /** The input columns. */
    default String[] getInputCols() {
        return get(INPUT_COLS);
    }

    /** Sets the input columns. */
    default T setInputCols(String... value) {
        return set(INPUT_COLS, value);
    }
}
