package dev.flinkjupyter.ml.param;

import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.WithParams;

/** The column of row weights; null (the default) weighs every row 1. */
public interface HasWeightCol<T> extends WithParams<T> {
    /** The column of row weights; null (the default) weighs every row 1. */
    Param<String> WEIGHT_COL = new Param<>("weightCol", String.class, "The column of row weights; null (the default) weighs every row 1.", null, ParamValidator.optional());

    /** The column of row weights; null (the default) weighs every row 1. */
    default String getWeightCol() {
        return get(WEIGHT_COL);
    }

    /** Sets: The column of row weights; null (the default) weighs every row 1. */
    default T setWeightCol(String value) {
        return set(WEIGHT_COL, value);
    }
}
