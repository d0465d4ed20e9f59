package dev.flinkjupyter.display;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Values registered per type and found for a class by its most specific registered type: the
 * class itself, then its superclasses, then its interfaces breadth first. Not thread-safe.
 *
 * @param <V> what is registered
 */
final class ByType<V> {
    /** A registered type and its value. */
    record Found<V>(Class<?> type, V value) {
    }

    private final Map<Class<?>, V> byType = new LinkedHashMap<>();

    void put(Class<?> type, V value) {
        byType.put(type, value);
    }

    /** The entry of the nearest registered type of {@code type}, or null; Object only if registered. */
    Found<V> find(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            V value = byType.get(c);
            if (value != null) {
                return new Found<>(c, value);
            }
        }
        Deque<Class<?>> queue = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            queue.add(c);
        }
        while (!queue.isEmpty()) {
            for (Class<?> i : queue.poll().getInterfaces()) {
                if (seen.add(i)) {
                    V value = byType.get(i);
                    if (value != null) {
                        return new Found<>(i, value);
                    }
                    queue.add(i);
                }
            }
        }
        V any = byType.get(Object.class);
        return any == null ? null : new Found<>(Object.class, any);
    }
}
