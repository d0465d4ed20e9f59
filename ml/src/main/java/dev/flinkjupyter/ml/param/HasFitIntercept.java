package dev.flinkjupyter.ml.param;

import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.WithParams;

/** Whether the model has an intercept (a constant term). */
public interface HasFitIntercept<T> extends WithParams<T> {
    /** Whether the model has an intercept (a constant term). */
    Param<Boolean> FIT_INTERCEPT = new Param<>("fitIntercept", Boolean.class, "Whether the model has an intercept (a constant term).", true, ParamValidator.notNull());

    /** Whether the model has an intercept (a constant term). */
    default Boolean getFitIntercept() {
        return get(FIT_INTERCEPT);
    }

    /** Sets: Whether the model has an intercept (a constant term). */
    default T setFitIntercept(boolean value) {
        return set(FIT_INTERCEPT, value);
    }
}
