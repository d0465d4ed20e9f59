package dev.flinkjupyter.ml.param;

import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.WithParams;

/** The L2 regularisation strength: the penalty is reg / 2 times the squared norm of the coefficients (intercept excluded). */
public interface HasReg<T> extends WithParams<T> {
    /** The L2 regularisation strength: the penalty is reg / 2 times the squared norm of the coefficients (intercept excluded). */
    Param<Double> REG = new Param<>("reg", Double.class, "The L2 regularisation strength: the penalty is reg / 2 times the squared norm of the coefficients (intercept excluded).", 0.0, ParamValidator.gtEq(0));

    /** The L2 regularisation strength: the penalty is reg / 2 times the squared norm of the coefficients (intercept excluded). */
    default Double getReg() {
        return get(REG);
    }

    /** Sets: The L2 regularisation strength: the penalty is reg / 2 times the squared norm of the coefficients (intercept excluded). */
    default T setReg(double value) {
        return set(REG, value);
    }
}
