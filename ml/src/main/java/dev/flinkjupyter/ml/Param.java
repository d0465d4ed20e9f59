package dev.flinkjupyter.ml;

import java.util.Arrays;
import java.util.Objects;

/**
 * A typed parameter of a {@link Stage}: a name, a description, a default and a validator.
 * Values are set with the stage's fluent setters ({@code setMaxIter(20)}), with
 * {@link WithParams#set(Param, Object)}, or by name from text with
 * {@link WithParams#setParam(String, String)} (what {@code %train --param maxIter=20} does).
 *
 * <p>Supported value types, which is also what text can be parsed into and what {@code save}
 * writes: {@code Integer}, {@code Long}, {@code Double}, {@code Boolean}, {@code String},
 * {@code String[]} (comma separated in text), {@code double[]} (comma separated in text).
 *
 * @param <T> the value type
 */
public final class Param<T> {
    private final String name;
    private final Class<T> type;
    private final String description;
    private final T defaultValue;
    private final ParamValidator<T> validator;

    /**
     * A parameter.
     *
     * @param name the name, unique within a stage, used by {@code setParam} and in saved metadata
     * @param type the value type, one of those listed on this class
     * @param description one sentence for users, shown in errors and in a stage's parameter table
     * @param defaultValue the value until one is set; null means the parameter must be set
     * @param validator checks every value set, and the default
     */
    public Param(String name, Class<T> type, String description, T defaultValue, ParamValidator<T> validator) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.description = Objects.requireNonNull(description, "description");
        this.validator = Objects.requireNonNull(validator, "validator");
        if (defaultValue != null && !validator.test(defaultValue)) {
            throw new IllegalArgumentException("the default " + format(defaultValue) + " of parameter '" + name
                    + "' is not valid: " + validator.describe());
        }
        this.defaultValue = defaultValue;
    }

    /** The name, as {@code setParam} and saved metadata use it. */
    public String name() {
        return name;
    }

    /** The value type. */
    public Class<T> type() {
        return type;
    }

    /** One sentence for users. */
    public String description() {
        return description;
    }

    /** The default, or null when the parameter has none and must be set. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The validator. */
    public ParamValidator<T> validator() {
        return validator;
    }

    /** Checks a value; throws {@link IllegalArgumentException} naming this parameter when it is not valid. */
    public T validate(T value) {
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException("parameter '" + name + "' takes a " + type.getSimpleName()
                    + ", got a " + value.getClass().getSimpleName());
        }
        if (!validator.test(value)) {
            throw new IllegalArgumentException("parameter '" + name + "': " + format(value) + " is not valid, "
                    + validator.describe());
        }
        return value;
    }

    /**
     * Parses a value from text: numbers, {@code true}/{@code false}, strings as they are, arrays
     * comma separated. The error says which parameter and what it expects.
     */
    public T parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        Object value;
        try {
            if (type == Integer.class) {
                value = Integer.valueOf(trimmed);
            } else if (type == Long.class) {
                value = Long.valueOf(trimmed);
            } else if (type == Double.class) {
                value = Double.valueOf(trimmed);
            } else if (type == Boolean.class) {
                if (!trimmed.equalsIgnoreCase("true") && !trimmed.equalsIgnoreCase("false")) {
                    throw new NumberFormatException();
                }
                value = Boolean.valueOf(trimmed);
            } else if (type == String.class) {
                value = text;
            } else if (type == String[].class) {
                value = trimmed.isEmpty() ? new String[0]
                        : Arrays.stream(trimmed.split(",")).map(String::trim).toArray(String[]::new);
            } else if (type == double[].class) {
                value = trimmed.isEmpty() ? new double[0]
                        : Arrays.stream(trimmed.split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
            } else {
                throw new IllegalStateException("parameter '" + name + "' of type " + type.getName()
                        + " cannot be set from text");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "' takes " + typeDescription()
                    + ", got '" + text + "'");
        }
        return validate(type.cast(value));
    }

    /** The value as text, the inverse of {@link #parse(String)}; arrays comma separated. */
    public static String format(Object value) {
        if (value instanceof String[] strings) {
            return String.join(",", strings);
        }
        if (value instanceof double[] doubles) {
            return String.join(",", Arrays.stream(doubles).mapToObj(Double::toString).toList());
        }
        return String.valueOf(value);
    }

    /** What values look like, for errors: {@code an integer}, {@code a comma-separated list of strings}. */
    public String typeDescription() {
        if (type == Integer.class || type == Long.class) {
            return "an integer";
        } else if (type == Double.class) {
            return "a number";
        } else if (type == Boolean.class) {
            return "true or false";
        } else if (type == String[].class) {
            return "a comma-separated list of strings";
        } else if (type == double[].class) {
            return "a comma-separated list of numbers";
        }
        return "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Param<?> other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name + " (" + type.getSimpleName() + ", default " + format(defaultValue) + "): " + description;
    }
}
