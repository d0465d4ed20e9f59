package dev.flinkjupyter.engine.render;

import dev.flinkjupyter.display.LiveFeed;
import dev.flinkjupyter.display.LiveTable;
import java.util.Iterator;
import java.util.Optional;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * Flink results shown live: one output that updates in place while the rows arrive, at most four
 * times a second, until the job ends; an interrupt stops the display and cancels the job. The
 * result of a streaming query is shown this way anyway; {@code Live} chooses the look, or shows
 * any result, stream or iterator live.
 *
 * <pre>{@code
 * display(Live.changelog(streamingTEnv.executeSql("SELECT word, COUNT(*) FROM words GROUP BY word")));
 * display(Live.append(env.fromSequence(1, 1_000_000).map(n -> n * n)).maxRows(20));
 * }</pre>
 *
 * <ul>
 *   <li>{@code table}: the current result, with the changelog applied (a grouped count shows the
 *       current counts); the first rows, up to the row limit.</li>
 *   <li>{@code append}: every row as it arrives; the latest ones.</li>
 *   <li>{@code changelog}: every change with its op ({@code +I -U +U -D}); the latest ones.</li>
 * </ul>
 * Each returns a {@link LiveFeed}: {@code .maxRows(n)} changes how many rows it shows.
 */
public final class Live {
    private Live() {
    }

    /** The current result of a query, its changelog applied. */
    public static LiveFeed<Row> table(TableResult result) {
        return of(result, LiveTable.Mode.TABLE);
    }

    /** Every row of a query's result as it arrives. */
    public static LiveFeed<Row> append(TableResult result) {
        return of(result, LiveTable.Mode.APPEND);
    }

    /** Every change of a query's result, with its op. */
    public static LiveFeed<Row> changelog(TableResult result) {
        return of(result, LiveTable.Mode.CHANGELOG);
    }

    /** Runs the table's query and shows its current result. */
    public static LiveFeed<Row> table(Table table) {
        return table(table.execute());
    }

    /** Runs the table's query and shows every row as it arrives. */
    public static LiveFeed<Row> append(Table table) {
        return append(table.execute());
    }

    /** Runs the table's query and shows every change with its op. */
    public static LiveFeed<Row> changelog(Table table) {
        return changelog(table.execute());
    }

    /** Runs the stream's pipeline and shows its elements as they arrive. */
    public static <T> LiveFeed<T> append(DataStream<T> stream) {
        return of(stream, LiveTable.Mode.APPEND);
    }

    /** Runs the stream's pipeline and shows the table its rows make (a changelog stream of rows is applied). */
    public static <T> LiveFeed<T> table(DataStream<T> stream) {
        return of(stream, LiveTable.Mode.TABLE);
    }

    /** Runs the stream's pipeline and shows every element with its op. */
    public static <T> LiveFeed<T> changelog(DataStream<T> stream) {
        return of(stream, LiveTable.Mode.CHANGELOG);
    }

    /** Shows the elements of an iterator (from {@code executeAndCollect()}) as they arrive; closing it stops the job. */
    public static <T> LiveFeed<T> append(Iterator<T> elements) {
        return of(elements, LiveTable.Mode.APPEND);
    }

    /** Shows the table that the rows of an iterator make. */
    public static <T> LiveFeed<T> table(Iterator<T> elements) {
        return of(elements, LiveTable.Mode.TABLE);
    }

    /** Shows every element of an iterator with its op. */
    public static <T> LiveFeed<T> changelog(Iterator<T> elements) {
        return of(elements, LiveTable.Mode.CHANGELOG);
    }

    /** A query's result in the given look. */
    public static LiveFeed<Row> of(TableResult result, LiveTable.Mode mode) {
        JobResults<Row> rows = new JobResults<>(result.collect(), result.getJobClient());
        return LiveFeed.of(rows, FlinkRows.of(result.getResolvedSchema())).mode(mode).onStop(rows::stop);
    }

    /** A stream's elements in the given look; runs its pipeline now. */
    public static <T> LiveFeed<T> of(DataStream<T> stream, LiveTable.Mode mode) {
        CloseableIterator<T> results = stream.collectAsync();
        JobClient job;
        try {
            job = stream.getExecutionEnvironment().executeAsync("DataStream Collect");
        } catch (Exception e) {
            throw new IllegalStateException("cannot run the stream's pipeline: " + e.getMessage(), e);
        }
        JobResults<T> elements = new JobResults<>(results, Optional.of(job));
        return LiveFeed.of(elements, FlinkRows.<T>ofElements()).mode(mode).onStop(elements::stop);
    }

    /** An iterator's elements in the given look. */
    public static <T> LiveFeed<T> of(Iterator<T> elements, LiveTable.Mode mode) {
        if (elements instanceof CloseableIterator<T> closeable) {
            JobResults<T> results = new JobResults<>(closeable, Optional.empty());
            return LiveFeed.of(results, FlinkRows.<T>ofElements()).mode(mode).onStop(results::stop);
        }
        return LiveFeed.of(elements, FlinkRows.<T>ofElements()).mode(mode);
    }
}
