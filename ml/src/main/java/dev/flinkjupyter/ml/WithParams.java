package dev.flinkjupyter.ml;

import java.util.List;

/**
 * Something with typed parameters: typed access through {@link #set(Param, Object)} and
 * {@link #get(Param)}, the fluent setters of the {@code Has...} interfaces, and access by name from
 * text through {@link #setParam(String, String)}.
 *
 * @param <T> the implementing class, returned by the setters so that calls chain
 */
public interface WithParams<T> {
    /** The parameters and their values; implementations create one {@link ParamMap} of their own class. */
    ParamMap getParamMap();

    /** Sets a parameter after validating the value; returns this stage. */
    @SuppressWarnings("unchecked")
    default <V> T set(Param<V> param, V value) {
        getParamMap().set(param, value);
        return (T) this;
    }

    /** The value of a parameter: the one set, or else its default. */
    default <V> V get(Param<V> param) {
        return getParamMap().get(param);
    }

    /**
     * Sets a parameter by name from text, for magics and configuration files:
     * {@code setParam("maxIter", "20")}, {@code setParam("featuresCols", "a,b")}. An unknown name
     * fails with the list of this stage's parameters; a bad value says what the parameter takes.
     */
    @SuppressWarnings("unchecked")
    default T setParam(String name, String value) {
        getParamMap().setFromText(name, value);
        return (T) this;
    }

    /** This stage's parameters. */
    default List<Param<?>> params() {
        return getParamMap().params();
    }
}
