package dev.flinkjupyter.ml.param;

import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.WithParams;

/** The column of labels: a number (for classifiers, class indices 0, 1, ...). */
public interface HasLabelCol<T> extends WithParams<T> {
    /** The column of labels: a number (for classifiers, class indices 0, 1, ...). */
    Param<String> LABEL_COL = new Param<>("labelCol", String.class, "The column of labels: a number (for classifiers, class indices 0, 1, ...).", "label", ParamValidator.notNull());

    /** The column of labels: a number (for classifiers, class indices 0, 1, ...). */
    default String getLabelCol() {
        return get(LABEL_COL);
    }

    /** Sets: The column of labels: a number (for classifiers, class indices 0, 1, ...). */
    default T setLabelCol(String value) {
        return set(LABEL_COL, value);
    }
}
