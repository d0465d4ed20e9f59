package dev.flinkjupyter.ml;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of one stage and their values. The parameters are the {@code public static final}
 * {@link Param} fields of the stage's class, its superclasses and its interfaces (the
 * {@code Has...} interfaces of {@code dev.flinkjupyter.ml.param}), found once when the stage is made.
 */
public final class ParamMap {
    private final Map<String, Param<?>> params = new LinkedHashMap<>();
    private final Map<Param<?>, Object> values = new LinkedHashMap<>();
    private final String owner;

    /** The parameters declared by {@code stageClass} and its supertypes, each at its default. */
    public ParamMap(Class<?> stageClass) {
        this.owner = stageClass.getSimpleName();
        for (Class<?> type : supertypes(stageClass)) {
            for (Field field : type.getDeclaredFields()) {
                int m = field.getModifiers();
                if (Param.class.isAssignableFrom(field.getType()) && Modifier.isStatic(m) && Modifier.isPublic(m)
                        && Modifier.isFinal(m)) {
                    try {
                        Param<?> param = (Param<?>) field.get(null);
                        params.putIfAbsent(param.name(), param);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot read parameter field " + field, e);
                    }
                }
            }
        }
    }

    /** Every parameter, in declaration order (class first, then supertypes). */
    public List<Param<?>> params() {
        return List.copyOf(params.values());
    }

    /** The parameter of that name; the error lists the known names. */
    public Param<?> param(String name) {
        Param<?> param = params.get(name);
        if (param == null) {
            throw new IllegalArgumentException(owner + " has no parameter '" + name + "'; its parameters are "
                    + String.join(", ", params.keySet()));
        }
        return param;
    }

    /** Sets a value after validating it. */
    public <T> void set(Param<T> param, T value) {
        requireKnown(param);
        values.put(param, param.validate(value));
    }

    /** Sets a value from text, by parameter name. */
    public void setFromText(String name, String text) {
        Param<?> param = param(name);
        values.put(param, param.parse(text));
    }

    /** The value set, or else the default; fails when neither exists. */
    public <T> T get(Param<T> param) {
        requireKnown(param);
        Object value = values.containsKey(param) ? values.get(param) : param.defaultValue();
        if (value == null && !param.validator().test(null)) {
            throw new IllegalStateException(owner + ": parameter '" + param.name() + "' must be set: "
                    + param.description());
        }
        return param.type().cast(value);
    }

    /** Every parameter with its current value (set or default), in declaration order; read-only. */
    public Map<Param<?>, Object> values() {
        Map<Param<?>, Object> all = new LinkedHashMap<>();
        for (Param<?> param : params.values()) {
            all.put(param, values.containsKey(param) ? values.get(param) : param.defaultValue());
        }
        return Collections.unmodifiableMap(all);
    }

    private void requireKnown(Param<?> param) {
        if (params.get(param.name()) != param && !param.equals(params.get(param.name()))) {
            throw new IllegalArgumentException(owner + " has no parameter '" + param.name() + "'; its parameters are "
                    + String.join(", ", params.keySet()));
        }
    }

    private static List<Class<?>> supertypes(Class<?> type) {
        List<Class<?>> order = new java.util.ArrayList<>();
        Deque<Class<?>> queue = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        queue.add(type);
        while (!queue.isEmpty()) {
            Class<?> c = queue.poll();
            if (c == null || c == Object.class || !seen.add(c)) {
                continue;
            }
            order.add(c);
            if (c.getSuperclass() != null) { // interfaces have none, and ArrayDeque refuses null
                queue.add(c.getSuperclass());
            }
            queue.addAll(List.of(c.getInterfaces()));
        }
        return order;
    }
}
