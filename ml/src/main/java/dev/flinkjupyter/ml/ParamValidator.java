package dev.flinkjupyter.ml;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Which values a {@link Param} accepts, with a description for the error when a value is refused.
 *
 * @param <T> the value type
 */
public interface ParamValidator<T> {
    /** Whether the value is valid; null is passed for an unset parameter without default. */
    boolean test(T value);

    /** What valid values are, completing "is not valid, ...": {@code must be > 0}. */
    String describe();

    /** A validator from a predicate and its description. */
    static <T> ParamValidator<T> of(Predicate<T> predicate, String description) {
        return new ParamValidator<>() {
            @Override
            public boolean test(T value) {
                return predicate.test(value);
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }

    /** Accepts everything but null. */
    static <T> ParamValidator<T> notNull() {
        return of(v -> v != null, "must be set");
    }

    /** Accepts everything, null included (an optional parameter). */
    static <T> ParamValidator<T> optional() {
        return of(v -> true, "any value");
    }

    /** Numbers greater than {@code lower}. */
    static <T extends Number> ParamValidator<T> gt(double lower) {
        return of(v -> v != null && v.doubleValue() > lower, "must be > " + lower);
    }

    /** Numbers greater than or equal to {@code lower}. */
    static <T extends Number> ParamValidator<T> gtEq(double lower) {
        return of(v -> v != null && v.doubleValue() >= lower, "must be >= " + lower);
    }

    /** Numbers in {@code [lower, upper]}. */
    static <T extends Number> ParamValidator<T> inRange(double lower, double upper) {
        return of(v -> v != null && v.doubleValue() >= lower && v.doubleValue() <= upper,
                "must be in [" + lower + ", " + upper + "]");
    }

    /** One of the given values. */
    @SafeVarargs
    static <T> ParamValidator<T> inArray(T... allowed) {
        return of(v -> v != null && Arrays.asList(allowed).contains(v), "must be one of " + Arrays.toString(allowed));
    }

    /** A non-empty array without null or blank elements. */
    static ParamValidator<String[]> nonEmptyNames() {
        return of(v -> v != null && v.length > 0 && Arrays.stream(v).allMatch(s -> s != null && !s.isBlank()),
                "must name at least one column, none blank");
    }
}
