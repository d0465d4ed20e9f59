package dev.flinkjupyter.ml.param;

import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.WithParams;

/** The column of feature vectors (ARRAY<DOUBLE>). */
public interface HasFeaturesCol<T> extends WithParams<T> {
    /** The column of feature vectors (ARRAY<DOUBLE>). */
    Param<String> FEATURES_COL = new Param<>("featuresCol", String.class, "The column of feature vectors (ARRAY<DOUBLE>).", "features", ParamValidator.notNull());

    /** The column of feature vectors (ARRAY<DOUBLE>). */
    default String getFeaturesCol() {
        return get(FEATURES_COL);
    }

    /** Sets: The column of feature vectors (ARRAY<DOUBLE>). */
    default T setFeaturesCol(String value) {
        return set(FEATURES_COL, value);
    }
}
