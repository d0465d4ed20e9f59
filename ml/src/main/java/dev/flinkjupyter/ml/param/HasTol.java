package dev.flinkjupyter.ml.param;

import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.WithParams;

/** Training stops when the relative change of the loss falls below this. */
public interface HasTol<T> extends WithParams<T> {
    /** Training stops when the relative change of the loss falls below this. */
    Param<Double> TOL = new Param<>("tol", Double.class, "Training stops when the relative change of the loss falls below this.", 1e-6, ParamValidator.gtEq(0));

    /** Training stops when the relative change of the loss falls below this. */
    default Double getTol() {
        return get(TOL);
    }

    /** Sets: Training stops when the relative change of the loss falls below this. */
    default T setTol(double value) {
        return set(TOL, value);
    }
}
