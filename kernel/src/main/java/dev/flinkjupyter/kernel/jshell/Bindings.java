package dev.flinkjupyter.kernel.jshell;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands a value from the kernel to a snippet that declares a variable with it: the kernel puts the
 * value, the declaration's initializer takes it. Public because snippets call it.
 */
public final class Bindings {
    private static final Map<String, Object> PENDING = new ConcurrentHashMap<>();
    private static final AtomicLong KEYS = new AtomicLong();

    private Bindings() {
    }

    static String put(Object value) {
        String key = "binding-" + KEYS.incrementAndGet();
        PENDING.put(key, value == null ? NULL : value);
        return key;
    }

    /** The value put under {@code key}, once. */
    public static Object take(String key) {
        Object value = PENDING.remove(key);
        return value == NULL ? null : value;
    }

    private static final Object NULL = new Object();
}
