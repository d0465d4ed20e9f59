package dev.flinkjupyter.ml.param;

import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.WithParams;

/** The output column. */
public interface HasOutputCol<T> extends WithParams<T> {
    /** The output column. */
    Param<String> OUTPUT_COL = new Param<>("outputCol", String.class, "The output column.", null, ParamValidator.notNull());

    /** The output column. */
    default String getOutputCol() {
        return get(OUTPUT_COL);
    }

    /** Sets: The output column. */
    default T setOutputCol(String value) {
        return set(OUTPUT_COL, value);
    }
}
