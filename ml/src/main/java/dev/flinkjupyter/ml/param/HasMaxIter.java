package dev.flinkjupyter.ml.param;

import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.WithParams;

/** The most iterations (passes over the data) training makes. */
public interface HasMaxIter<T> extends WithParams<T> {
    /** The most iterations (passes over the data) training makes. */
    Param<Integer> MAX_ITER = new Param<>("maxIter", Integer.class, "The most iterations (passes over the data) training makes.", 20, ParamValidator.gtEq(1));

    /** The most iterations (passes over the data) training makes. */
    default Integer getMaxIter() {
        return get(MAX_ITER);
    }

    /** Sets: The most iterations (passes over the data) training makes. */
    default T setMaxIter(int value) {
        return set(MAX_ITER, value);
    }
}
