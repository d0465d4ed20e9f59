package dev.flinkjupyter.ml.online;

import dev.flinkjupyter.display.HtmlTable;
import dev.flinkjupyter.display.LiveFeed;
import dev.flinkjupyter.display.LiveTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.CloseableIterator;

/**
 * An online training job that runs: the model versions as they arrive, the latest one kept.
 * Iterating blocks until the next version (or the end of a bounded stream); {@link #close()}
 * cancels the job, which is how a training on an unbounded stream is stopped.
 *
 * <pre>{@code
 * OnlineRun<OnlineLogisticRegression.Version> run = OnlineRun.start(olr.train(clicks));
 * display(run.live());                    // the metrics of each version, updated in place
 * run.latest().get().toModel()            // the newest model, after an interrupt too
 * }</pre>
 *
 * @param <V> the version type
 */
public final class OnlineRun<V extends ModelVersion<?>> implements Iterator<V>, AutoCloseable {
    private final CloseableIterator<V> results;
    private final JobClient job;
    private volatile V latest;

    private OnlineRun(CloseableIterator<V> results, JobClient job) {
        this.results = results;
        this.job = job;
    }

    /** Runs the stream's pipeline now, asynchronously; the versions are read through this run. */
    public static <V extends ModelVersion<?>> OnlineRun<V> start(DataStream<V> versions) {
        CloseableIterator<V> results = versions.collectAsync();
        try {
            JobClient job = versions.getExecutionEnvironment().executeAsync("online training");
            return new OnlineRun<>(results, job);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the online training job: " + e.getMessage(), e);
        }
    }

    /** The Flink job. */
    public JobClient job() {
        return job;
    }

    /** The newest version read so far. */
    public Optional<V> latest() {
        return Optional.ofNullable(latest);
    }

    /** Whether another version comes; blocks until it does or the job ends. */
    @Override
    public boolean hasNext() {
        return results.hasNext();
    }

    /** The next version; blocks until it arrives. */
    @Override
    public V next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the online training job has ended");
        }
        V next = results.next();
        latest = next;
        return next;
    }

    /**
     * The metrics of every version as a table that updates in place while the job runs (the
     * latest {@code maxRows}); an interrupt stops the display and cancels the job, and
     * {@link #latest()} still has the newest model.
     */
    public LiveFeed<V> live(int maxRows) {
        return LiveFeed.of(this, new MetricRows<V>()).mode(LiveTable.Mode.APPEND).maxRows(maxRows).onStop(this::close);
    }

    /** {@link #live(int)} with the latest 20 versions shown. */
    public LiveFeed<V> live() {
        return live(20);
    }

    /** Cancels the job (if it still runs) and releases its results. */
    @Override
    public void close() {
        try {
            if (!job.getJobStatus().get().isGloballyTerminalState()) {
                job.cancel().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // it ended meanwhile
        }
        try {
            results.close();
        } catch (Exception e) {
            // what was read stays valid
        }
    }

    /** A version as a row: its number, the records learned from, and its metrics. */
    private static final class MetricRows<V extends ModelVersion<?>> implements LiveFeed.Rows<V> {
        @Override
        public List<HtmlTable.Column> columns(List<? extends V> first) {
            List<HtmlTable.Column> columns = new ArrayList<>();
            columns.add(HtmlTable.Column.numeric("version", "BIGINT"));
            columns.add(HtmlTable.Column.numeric("records", "BIGINT"));
            if (!first.isEmpty() && first.get(0) != null) {
                first.get(0).metrics().keySet().forEach(name -> columns.add(HtmlTable.Column.numeric(name, "DOUBLE")));
            }
            return columns;
        }

        @Override
        public List<?> cells(V element, List<HtmlTable.Column> columns) {
            List<Object> cells = new ArrayList<>();
            cells.add(element.version());
            cells.add(element.records());
            for (HtmlTable.Column column : columns.subList(2, columns.size())) {
                cells.add(element.metrics().get(column.name()));
            }
            return cells;
        }
    }
}
