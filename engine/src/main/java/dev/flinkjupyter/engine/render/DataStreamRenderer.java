package dev.flinkjupyter.engine.render;

import dev.flinkjupyter.display.LiveRenderer;
import dev.flinkjupyter.display.LiveTable;
import dev.flinkjupyter.display.LiveValue;
import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.display.RenderContext;
import dev.flinkjupyter.display.Renderer;
import java.util.Optional;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.transformations.WithBoundedness;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * A {@code DataStream} left as a cell's value: showing it runs its pipeline. A stream whose sources
 * are all bounded is drawn once, as a table of its first elements: at most the row limit plus one
 * are read, then the job is cancelled, so {@code env.fromSequence(1, Long.MAX_VALUE)} shows its
 * first rows and ends. A stream with an unbounded source (a streaming table, a socket) is shown
 * live until it is interrupted: a stream of {@link Row}s as the table its changelog makes, any
 * other as its latest elements ({@link Live} chooses another look).
 */
final class DataStreamRenderer implements Renderer<DataStream<?>>, LiveRenderer<DataStream<?>> {

    @Override
    public MimeBundle render(DataStream<?> stream, RenderContext context) {
        CloseableIterator<?> elements;
        try {
            elements = stream.executeAndCollect();
        } catch (Exception e) {
            throw new IllegalStateException("cannot run the stream's pipeline: " + e.getMessage(), e);
        }
        // the iterator's renderer reads the row limit plus one and closes it, which ends the job
        return context.render(elements);
    }

    @Override
    public Optional<LiveValue> live(DataStream<?> stream, RenderContext context) {
        if (isBounded(stream)) {
            return Optional.empty();
        }
        boolean rows = Row.class.equals(stream.getType().getTypeClass());
        return Optional.of(Live.of(stream, rows ? LiveTable.Mode.TABLE : LiveTable.Mode.APPEND));
    }

    /** Whether every source the stream reads from ends; a source that does not say counts as endless. */
    static boolean isBounded(DataStream<?> stream) {
        Transformation<?> last = stream.getTransformation();
        for (Transformation<?> t : last.getTransitivePredecessors()) {
            if (t.getInputs().isEmpty() && !(t instanceof WithBoundedness)) {
                return false;
            }
            if (t instanceof WithBoundedness source && source.getBoundedness() != Boundedness.BOUNDED) {
                return false;
            }
        }
        return true;
    }
}
