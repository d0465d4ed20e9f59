package dev.flinkjupyter.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of renderers, one per type. A value is drawn by the renderer of its most specific
 * registered type: its class, then its superclasses, then its interfaces; arrays without a
 * renderer of their own are drawn as arrays; values with none get their {@code toString()} as
 * {@code text/plain}.
 *
 * <p>Collections, arrays and iterators of elements that have a {@link RowLayout} are drawn as
 * tables: records, POJOs of the notebook's classes and maps have one built in.
 */
public final class Renderers {
    /** The row limit a fresh registry uses until {@link #setMaxRows(int)} changes it. */
    public static final int DEFAULT_MAX_ROWS = 1000;

    private final ByType<Renderer<?>> renderers = new ByType<>();
    private final ByType<RowLayout<?>> layouts = new ByType<>();
    private final ByType<LiveRenderer<?>> liveRenderers = new ByType<>();
    private final Renderer<Object> arrays = new ArrayRenderer();
    private volatile int maxRows = DEFAULT_MAX_ROWS;
    private final Set<String> installedProviders = ConcurrentHashMap.newKeySet();

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
            installedProviders.add(provider.getClass().getName());
            provider.registerInto(this);
        }
        return this;
    }

    /**
     * Adds the renderers of the {@link RendererProvider}s that {@code loader} can see and this
     * registry has not installed yet: for a class path that grew while the kernel runs
     * ({@code %maven}, {@code %jars}), so that renderers registered since are not replaced.
     *
     * @return the class names of the providers installed now
     */
    public List<String> installNewProviders(ClassLoader loader) {
        List<String> installed = new ArrayList<>();
        for (RendererProvider provider : ServiceLoader.load(RendererProvider.class, loader)) {
            if (installedProviders.add(provider.getClass().getName())) {
                provider.registerInto(this);
                installed.add(provider.getClass().getName());
            }
        }
        return installed;
    }

    /** Registers (or replaces) the renderer for {@code type}; returns this registry. */
    public synchronized <T> Renderers register(Class<T> type, Renderer<? super T> renderer) {
        renderers.put(Objects.requireNonNull(type), Objects.requireNonNull(renderer));
        return this;
    }

    /**
     * Registers (or replaces) how elements of {@code type} become table rows when a collection,
     * array or iterator of them is shown; returns this registry.
     */
    public synchronized <T> Renderers registerRowLayout(Class<T> type, RowLayout<? super T> layout) {
        layouts.put(Objects.requireNonNull(type), Objects.requireNonNull(layout));
        return this;
    }

    /**
     * Registers (or replaces) the live rendering of {@code type}: values of it that it turns into a
     * {@link LiveValue} are shown live by {@code display(x)} and as a cell's result.
     */
    public synchronized <T> Renderers registerLive(Class<T> type, LiveRenderer<? super T> renderer) {
        liveRenderers.put(Objects.requireNonNull(type), Objects.requireNonNull(renderer));
        return this;
    }

    /**
     * The live rendering of a value: the value itself if it is a {@link LiveValue}, else what the
     * live renderer of its most specific registered type makes of it; empty when it has none.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Optional<LiveValue> live(Object value) {
        if (value instanceof LiveValue live) {
            return Optional.of(live);
        }
        if (value == null) {
            return Optional.empty();
        }
        ByType.Found<LiveRenderer<?>> found;
        synchronized (this) {
            found = liveRenderers.find(value.getClass());
        }
        return found == null ? Optional.empty() : ((LiveRenderer) found.value()).live(value, context());
    }

    /** How many rows or elements a renderer shows at most; {@link #DEFAULT_MAX_ROWS} until changed. */
    public int maxRows() {
        return maxRows;
    }

    /**
     * Sets how many rows or elements every table, collection and live result shows at most, from
     * now on: {@code Display.renderers().setMaxRows(50)} in a notebook. A result is read only as
     * far as this limit plus one row (to tell whether there are more), and its note says
     * {@code showing 50 of at least 51 rows}.
     *
     * @throws IllegalArgumentException if {@code maxRows} is less than 1
     */
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
            return MimeBundle.text(String.valueOf(value));
        }
        return renderer.render(value, context());
    }

    /**
     * The elements as a table, if they all have one {@link RowLayout} and it makes one table of
     * them; empty otherwise (no elements, a null element, mixed types).
     */
    public Optional<HtmlTable> table(List<?> elements) {
        if (elements.isEmpty() || elements.stream().anyMatch(Objects::isNull)) {
            return Optional.empty();
        }
        ByType.Found<RowLayout<?>> found = layoutFor(elements.get(0).getClass());
        if (found == null || !elements.stream().allMatch(found.type()::isInstance)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        RowLayout<Object> layout = (RowLayout<Object>) found.value();
        return layout.columns(elements).map(columns -> {
            HtmlTable table = HtmlTable.withColumns(columns);
            for (Object element : elements) {
                table.addRow(layout.cells(element, columns));
            }
            return table;
        });
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

            @Override
            public Optional<HtmlTable> table(List<?> elements) {
                return Renderers.this.table(elements);
            }
        };
    }

    /** The renderer for a type: the nearest class, then interfaces breadth first; arrays last. */
    synchronized Renderer<?> rendererFor(Class<?> type) {
        ByType.Found<Renderer<?>> found = renderers.find(type);
        if (type.isArray() && (found == null || !found.type().isArray())) {
            return arrays;
        }
        return found == null ? null : found.value();
    }

    /** The layout for elements of a type: a registered one, else the POJO layout for notebook classes. */
    synchronized ByType.Found<RowLayout<?>> layoutFor(Class<?> type) {
        ByType.Found<RowLayout<?>> found = layouts.find(type);
        if (found == null && PojoLayout.isPojo(type)) {
            return new ByType.Found<>(type, PojoLayout.INSTANCE);
        }
        return found;
    }
}
