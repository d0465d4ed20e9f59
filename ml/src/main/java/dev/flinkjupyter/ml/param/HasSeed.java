package dev.flinkjupyter.ml.param;

import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.WithParams;

/** The random seed: the same data and seed give the same result. */
public interface HasSeed<T> extends WithParams<T> {
    /** The random seed: the same data and seed give the same result. */
    Param<Long> SEED = new Param<>("seed", Long.class, "The random seed: the same data and seed give the same result.", 42L, ParamValidator.notNull());

    /** The random seed: the same data and seed give the same result. */
    default Long getSeed() {
        return get(SEED);
    }

    /** Sets: The random seed: the same data and seed give the same result. */
    default T setSeed(long value) {
        return set(SEED, value);
    }
}
