package dev.flinkjupyter.display;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** Java types as a table header shows them: short names, numbers told apart from the rest. */
final class JavaTypes {
    private JavaTypes() {
    }

    /** {@code int}, {@code String}, {@code List<String>}, {@code Map<String, Integer>}. */
    static String name(Type type) {
        if (type instanceof Class<?> c) {
            return c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName();
        }
        if (type instanceof ParameterizedType p) {
            return name(p.getRawType()) + Arrays.stream(p.getActualTypeArguments())
                    .map(JavaTypes::name)
                    .collect(Collectors.joining(", ", "<", ">"));
        }
        if (type instanceof GenericArrayType a) {
            return name(a.getGenericComponentType()) + "[]";
        }
        if (type instanceof WildcardType w) {
            Type[] upper = w.getUpperBounds();
            return upper.length == 1 && upper[0] != Object.class ? "? extends " + name(upper[0]) : "?";
        }
        return type.getTypeName();
    }

    /** Whether values of this type are numbers: primitive numbers and {@link Number}s. */
    static boolean isNumeric(Class<?> type) {
        if (type.isPrimitive()) {
            return type != boolean.class && type != char.class && type != void.class;
        }
        return Number.class.isAssignableFrom(type);
    }

    /**
     * The short name of the nearest class all non-null values share ({@code Integer},
     * {@code Number}, {@code Object}); empty when all are null.
     */
    static String commonName(Collection<?> values) {
        Class<?> common = null;
        for (Object value : values) {
            if (value == null) {
                continue;
            }
            Class<?> c = value.getClass();
            if (common == null) {
                common = c;
            } else {
                while (!common.isAssignableFrom(c)) {
                    common = common.getSuperclass();
                }
            }
        }
        return common == null ? "" : name(common);
    }
}
