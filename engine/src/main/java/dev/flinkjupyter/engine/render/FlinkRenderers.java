package dev.flinkjupyter.engine.render;

import dev.flinkjupyter.display.RendererProvider;
import dev.flinkjupyter.display.Renderers;
import org.apache.flink.api.java.tuple.Tuple;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.types.Row;

/**
 * Flink's renderers, in one place: tables and results as tables, rows and tuples as table rows
 * wherever display shows a collection, an array or an iterator of them, a {@code DataStream} as
 * its result (live when it is unbounded).
 */
public final class FlinkRenderers implements RendererProvider {

    @Override
    public void registerInto(Renderers renderers) {
        renderers.register(Table.class, new TableRenderer());
        renderers.register(TableResult.class, new TableResultRenderer());
        renderers.register(ResolvedSchema.class, new SchemaRenderer());
        renderers.register(Row.class, new RowRenderer());
        renderers.registerRowLayout(Row.class, new RowLayoutOfRows());
        renderers.registerRowLayout(Tuple.class, new TupleLayout());
        DataStreamRenderer streams = new DataStreamRenderer();
        renderers.register(dataStreams(), streams);
        renderers.registerLive(dataStreams(), streams);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<DataStream<?>> dataStreams() {
        return (Class) DataStream.class;
    }
}
