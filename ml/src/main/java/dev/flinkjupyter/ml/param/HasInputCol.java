package dev.flinkjupyter.ml.param;

import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.WithParams;

/** The input column. */
public interface HasInputCol<T> extends WithParams<T> {
    /** The input column. */
    Param<String> INPUT_COL = new Param<>("inputCol", String.class, "The input column.", null, ParamValidator.notNull());

    /** The input column. */
    default String getInputCol() {
        return get(INPUT_COL);
    }

    /** Sets: The input column. */
    default T setInputCol(String value) {
        return set(INPUT_COL, value);
    }
}
