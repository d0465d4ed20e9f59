package dev.flinkjupyter.engine.render;

import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.display.RenderContext;
import dev.flinkjupyter.display.Renderer;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableException;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.ValidationException;

/**
 * A Table API {@code Table}, which is only a query until it runs: showing it runs it with a limit
 * of the row limit plus one (so Flink can stop early) and shows the first rows under the table's
 * schema, with "of at least" when there were more.
 */
final class TableRenderer implements Renderer<Table> {

    @Override
    public MimeBundle render(Table table, RenderContext context) {
        int limit = context.maxRows();
        return SchemaTable.render(table.getResolvedSchema(), TableResultRenderer.collect(execute(table, limit + 1), limit));
    }

    /**
     * Runs the table limited to {@code rows}; a query Flink cannot limit (one that already has a
     * FETCH, say) runs as it is, and only the first rows are read before the job is cancelled.
     */
    private static TableResult execute(Table table, int rows) {
        TableResult limited;
        try {
            limited = table.limit(rows).execute();
        } catch (ValidationException | TableException e) {
            return table.execute();
        }
        return limited;
    }
}
