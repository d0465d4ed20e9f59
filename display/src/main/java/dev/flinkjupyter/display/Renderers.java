package dev.flinkjupyter.display;

import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The registry of renderers, one per type. A value is drawn by the renderer of its most specific
 * registered type: its class, then its superclasses, then its interfaces; values with none get
 * their {@code toString()} as {@code text/plain}.
 */
public final class Renderers {
    /** The row limit a fresh registry uses until {@link #setMaxRows(int)} changes it. */
    public static final int DEFAULT_MAX_ROWS = 1000;

    private final Map<Class<?>, Renderer<?>> byType = new LinkedHashMap<>();
    private volatile int maxRows = DEFAULT_MAX_ROWS;

    /** A registry with the built-in renderers only. */
    public Renderers() {
        BuiltinRenderers.registerInto(this);
    }

    /** A registry with the built-in renderers and every {@link RendererProvider} on the class path. */
    public static Renderers withInstalledProviders() {
        return new Renderers().installProviders(Thread.currentThread().getContextClassLoader());
    }

    /** Adds the renderers of every {@link RendererProvider} that {@code loader} can see. */
    public Renderers installProviders(ClassLoader loader) {
        for (RendererProvider provider : ServiceLoader.load(RendererProvider.class, loader)) {
            provider.registerInto(this);
        }
        return this;
    }

    /** Registers (or replaces) the renderer for {@code type}; returns this registry. */
    public synchronized <T> Renderers register(Class<T> type, Renderer<? super T> renderer) {
        byType.put(Objects.requireNonNull(type), Objects.requireNonNull(renderer));
        return this;
    }

    public int maxRows() {
        return maxRows;
    }

    /** Sets how many rows or elements a renderer shows at most. */
    public void setMaxRows(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("the row limit must be at least 1, was " + maxRows);
        }
        this.maxRows = maxRows;
    }

    /** Renders any value, null included, into a bundle that always has {@code text/plain}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public MimeBundle render(Object value) {
        if (value == null) {
            return MimeBundle.text("null");
        }
        if (value instanceof MimeBundle) {
            return (MimeBundle) value;
        }
        Renderer renderer = rendererFor(value.getClass());
        if (renderer == null) {
            return MimeBundle.text(value.getClass().isArray() ? arrayText(value) : String.valueOf(value));
        }
        return renderer.render(value, context());
    }

    private RenderContext context() {
        return new RenderContext() {
            @Override
            public MimeBundle render(Object value) {
                return Renderers.this.render(value);
            }

            @Override
            public int maxRows() {
                return maxRows;
            }
        };
    }

    /** The renderer for a type: the nearest class, then interfaces breadth first. */
    synchronized Renderer<?> rendererFor(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Renderer<?> r = byType.get(c);
            if (r != null) {
                return r;
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
                    Renderer<?> r = byType.get(i);
                    if (r != null) {
                        return r;
                    }
                    queue.add(i);
                }
            }
        }
        return byType.get(Object.class);
    }

    private String arrayText(Object array) {
        int length = Array.getLength(array);
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < length && i < maxRows; i++) {
            if (i > 0) {
                text.append(", ");
            }
            Object element = Array.get(array, i);
            text.append(element != null && element.getClass().isArray() ? arrayText(element) : element);
        }
        if (length > maxRows) {
            text.append(", ... (").append(length - maxRows).append(" more)");
        }
        return text.append(']').toString();
    }
}
