package dev.flinkjupyter.display;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A {@link LiveTable} fed from a source of rows that arrive over time (the iterator of a
 * streaming query's results), drawn into one output: the table so far at most every quarter of a
 * second, and all of it at the end.
 *
 * <pre>{@code
 * display(LiveFeed.of(iterator).mode(LiveTable.Mode.APPEND).maxRows(50));
 * }</pre>
 *
 * <p>The source is read on a thread of its own, so the cell's thread stays free to redraw on time
 * and to see an interrupt at once. When it is interrupted, the feed stops the source (by default it
 * closes it; a Flink result cancels its job), keeps the last view with the note {@code stopped} and
 * throws {@link InterruptedException}. When the source fails, the view says {@code stopped} (for a
 * {@link CancellationException}, which is how a cancelled job ends) or {@code failed}, and the
 * failure is thrown.
 *
 * @param <E> the elements of the source
 */
public final class LiveFeed<E> implements LiveValue {

    /** How the elements of a source become rows of a live table. */
    public interface Rows<E> {
        /** The columns, when they are known before any element arrives (a query's schema). */
        default Optional<List<HtmlTable.Column>> columns() {
            return Optional.empty();
        }

        /** The columns, decided from the first elements when they were not known before. */
        List<HtmlTable.Column> columns(List<? extends E> first);

        /** The cells of one element, one per column. */
        List<?> cells(E element, List<HtmlTable.Column> columns);

        /** What the element does to the table; an insert unless the source is a changelog. */
        default Change change(E element) {
            return Change.INSERT;
        }
    }

    /** How often a live table is redrawn at most, unless {@link #every(Duration)} says otherwise. */
    public static final Duration DEFAULT_EVERY = Duration.ofMillis(250);

    private static final int QUEUE = 10_000;
    private static final long OFFER_MILLIS = 100;
    private static final Object END = new Object();
    private static final Object NULL = new Object(); // a queue cannot hold null elements

    private final Iterator<? extends E> source;
    private final Rows<E> rows;
    private LiveTable.Mode mode = LiveTable.Mode.TABLE;
    private int maxRows;
    private Duration every = DEFAULT_EVERY;
    private Runnable stop;
    private LongSupplier clock = System::nanoTime;
    private volatile boolean stopped;

    private LiveFeed(Iterator<? extends E> source, Rows<E> rows) {
        this.source = Objects.requireNonNull(source);
        this.rows = Objects.requireNonNull(rows);
        this.stop = () -> close(source);
    }

    /** A feed of rows made by {@code rows}; the columns are known up front or from the first elements. */
    public static <E> LiveFeed<E> of(Iterator<? extends E> source, Rows<E> rows) {
        return new LiveFeed<>(source, rows);
    }

    /**
     * A feed of any elements: a table by their {@link RowLayout} (records, POJOs, maps, Flink rows
     * and tuples), else one column of values. Appends by default.
     */
    public static <E> LiveFeed<E> of(Iterator<? extends E> source) {
        return new LiveFeed<E>(source, LiveFeed.<E>rowsByLayout(Display.renderers())).mode(LiveTable.Mode.APPEND);
    }

    /**
     * Rows of any elements by the registry's {@link RowLayout}s (records, POJOs, maps, tuples), or
     * one column of values for elements without one; the columns come from the first elements.
     */
    public static <E> Rows<E> rowsByLayout(Renderers renderers) {
        return new LayoutRows<>(renderers);
    }

    /** Shows the current table (default), every row as it comes, or every change with its op. */
    public LiveFeed<E> mode(LiveTable.Mode mode) {
        this.mode = Objects.requireNonNull(mode);
        return this;
    }

    /** Shows at most this many rows; by default the registry's row limit. */
    public LiveFeed<E> maxRows(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("the row limit must be at least 1, was " + maxRows);
        }
        this.maxRows = maxRows;
        return this;
    }

    /** Redraws at most once per {@code interval}; the end is always drawn at once. */
    public LiveFeed<E> every(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the interval cannot be negative: " + interval);
        }
        this.every = interval;
        return this;
    }

    /** How to stop the source when the feed is interrupted; by default it is closed, if it can be. */
    public LiveFeed<E> onStop(Runnable stop) {
        this.stop = Objects.requireNonNull(stop);
        return this;
    }

    /** The clock that paces redraws, in nanoseconds like {@link System#nanoTime()}; for tests. */
    public LiveFeed<E> clock(LongSupplier nanoClock) {
        this.clock = Objects.requireNonNull(nanoClock);
        return this;
    }

    @Override
    public Object firstView() {
        Optional<List<HtmlTable.Column>> columns = rows.columns();
        if (columns.isEmpty()) {
            return "waiting for the first rows · live";
        }
        return new LiveTable(mode, columns.get(), limit()).view("").note("waiting for the first rows · live");
    }

    @Override
    public void play(DisplayHandle handle) throws Exception {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
        Thread reader = new Thread(() -> read(queue), "live-feed");
        reader.setDaemon(true);
        reader.start();
        Throttle throttle = new Throttle(every, clock);
        throttle.mark(); // the first view was just shown
        Drawing drawing = new Drawing(handle, rows.columns().map(c -> new LiveTable(mode, c, limit())).orElse(null));
        List<Object> batch = new ArrayList<>();
        try {
            while (true) {
                Object first = drawing.dirty
                        ? queue.poll(Math.max(0, throttle.nanosUntilNext()), TimeUnit.NANOSECONDS)
                        : queue.take();
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch);
                    for (Object item : batch) {
                        if (item == END) {
                            drawing.draw("");
                            return;
                        }
                        if (item instanceof Failure failure) {
                            drawing.draw(failure.error() instanceof CancellationException ? "stopped" : "failed");
                            throw failure.rethrow();
                        }
                        drawing.add(item);
                    }
                    batch.clear();
                    drawing.fixColumns();
                }
                if (drawing.dirty && throttle.tryAcquire()) {
                    drawing.draw("live");
                }
            }
        } catch (InterruptedException e) {
            stopped = true;
            stop.run();
            batch.clear();
            queue.drainTo(batch);
            batch.stream().filter(item -> item != END && !(item instanceof Failure)).forEach(drawing::add);
            drawing.fixColumns();
            drawing.draw("stopped");
            throw e;
        }
    }

    @Override
    public String toString() {
        return "LiveFeed[" + mode + "]";
    }

    private int limit() {
        return maxRows > 0 ? maxRows : Display.renderers().maxRows();
    }

    /** Reads the source into the queue until it ends, fails, or the feed stopped; then closes it. */
    private void read(BlockingQueue<Object> queue) {
        try {
            while (!stopped && source.hasNext()) {
                offer(queue, source.next());
            }
            offer(queue, END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            try {
                offer(queue, new Failure(t));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } finally {
            close(source);
        }
    }

    /** Waits for room, but gives up once the feed stopped and nobody reads the queue any more. */
    private void offer(BlockingQueue<Object> queue, Object item) throws InterruptedException {
        while (!queue.offer(item == null ? NULL : item, OFFER_MILLIS, TimeUnit.MILLISECONDS)) {
            if (stopped) {
                return;
            }
        }
    }

    private static void close(Object source) {
        if (source instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing only releases the source; what was read stays valid
            }
        }
    }

    /** The table being drawn, made once the columns are known, and whether it changed since drawn. */
    private final class Drawing {
        private final DisplayHandle handle;
        private LiveTable table;
        private final List<E> early = new ArrayList<>();
        boolean dirty;

        Drawing(DisplayHandle handle, LiveTable table) {
            this.handle = handle;
            this.table = table;
        }

        @SuppressWarnings("unchecked")
        void add(Object item) {
            E element = item == NULL ? null : (E) item;
            if (table == null) {
                early.add(element);
            } else {
                table.apply(rows.change(element), rows.cells(element, table.columns()));
            }
            dirty = true;
        }

        /** Without a schema, the first elements decide the columns. */
        void fixColumns() {
            if (table == null && !early.isEmpty()) {
                table = new LiveTable(mode, rows.columns(early), limit());
                early.forEach(this::add);
                early.clear();
            }
        }

        void draw(String status) {
            fixColumns();
            Object view = table != null ? table.view(status) : (status.isEmpty() ? "no rows" : "no rows · " + status);
            handle.update(view);
            dirty = false;
        }
    }

    private record Failure(Throwable error) {
        Exception rethrow() {
            if (error instanceof Error e) {
                throw e;
            }
            return (Exception) error;
        }
    }

    /** Rows of any elements, by the registry's row layouts; one column of values when they have none. */
    private static final class LayoutRows<E> implements Rows<E> {
        private final Renderers renderers;
        private RowLayout<Object> layout;
        private Class<?> type;

        LayoutRows(Renderers renderers) {
            this.renderers = renderers;
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<HtmlTable.Column> columns(List<? extends E> first) {
            Object sample = first.stream().filter(Objects::nonNull).findFirst().orElse(null);
            ByType.Found<RowLayout<?>> found = sample == null ? null : renderers.layoutFor(sample.getClass());
            if (found != null && first.stream().allMatch(found.type()::isInstance)) {
                Optional<List<HtmlTable.Column>> columns = ((RowLayout<Object>) found.value()).columns(first);
                if (columns.isPresent()) {
                    layout = (RowLayout<Object>) found.value();
                    type = found.type();
                    return columns.get();
                }
            }
            return List.of(HtmlTable.Column.forValues("value", first));
        }

        @Override
        public List<?> cells(E element, List<HtmlTable.Column> columns) {
            if (layout != null && type.isInstance(element)) {
                List<?> cells = layout.cells(element, columns);
                if (cells.size() == columns.size()) {
                    return cells;
                }
            }
            List<Object> cells = new ArrayList<>(Collections.nCopies(columns.size(), null));
            cells.set(0, layout == null ? element : PlainText.of(element));
            return cells;
        }
    }
}
