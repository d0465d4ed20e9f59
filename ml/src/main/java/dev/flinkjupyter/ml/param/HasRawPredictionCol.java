package dev.flinkjupyter.ml.param;

import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.WithParams;

/** The output column of raw scores: the margin for a binary classifier, one score per class for several. */
public interface HasRawPredictionCol<T> extends WithParams<T> {
    /** The output column of raw scores: the margin for a binary classifier, one score per class for several. */
    Param<String> RAW_PREDICTION_COL = new Param<>("rawPredictionCol", String.class, "The output column of raw scores: the margin for a binary classifier, one score per class for several.", "rawPrediction", ParamValidator.notNull());

    /** The output column of raw scores: the margin for a binary classifier, one score per class for several. */
    default String getRawPredictionCol() {
        return get(RAW_PREDICTION_COL);
    }

    /** Sets: The output column of raw scores: the margin for a binary classifier, one score per class for several. */
    default T setRawPredictionCol(String value) {
        return set(RAW_PREDICTION_COL, value);
    }
}
