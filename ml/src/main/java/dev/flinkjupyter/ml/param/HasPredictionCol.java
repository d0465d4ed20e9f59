package dev.flinkjupyter.ml.param;

import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.WithParams;

/** The output column of predictions. */
public interface HasPredictionCol<T> extends WithParams<T> {
    /** The output column of predictions. */
    Param<String> PREDICTION_COL = new Param<>("predictionCol", String.class, "The output column of predictions.", "prediction", ParamValidator.notNull());

    /** The output column of predictions. */
    default String getPredictionCol() {
        return get(PREDICTION_COL);
    }

    /** Sets: The output column of predictions. */
    default T setPredictionCol(String value) {
        return set(PREDICTION_COL, value);
    }
}
