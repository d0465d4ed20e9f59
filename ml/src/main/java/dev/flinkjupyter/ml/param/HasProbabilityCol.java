package dev.flinkjupyter.ml.param;

import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.WithParams;

/** The output column of class probabilities: of class 1 for a binary classifier, one per class for several. */
public interface HasProbabilityCol<T> extends WithParams<T> {
    /** The output column of class probabilities: of class 1 for a binary classifier, one per class for several. */
    Param<String> PROBABILITY_COL = new Param<>("probabilityCol", String.class, "The output column of class probabilities: of class 1 for a binary classifier, one per class for several.", "probability", ParamValidator.notNull());

    /** The output column of class probabilities: of class 1 for a binary classifier, one per class for several. */
    default String getProbabilityCol() {
        return get(PROBABILITY_COL);
    }

    /** Sets: The output column of class probabilities: of class 1 for a binary classifier, one per class for several. */
    default T setProbabilityCol(String value) {
        return set(PROBABILITY_COL, value);
    }
}
