package dev.flinkjupyter.magics.flink;

import dev.flinkjupyter.display.Markdown;
import dev.flinkjupyter.magics.LineMagic;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Session;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.CatalogView;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ContextResolvedTable;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.WatermarkSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %describe NAME}: a table's or view's schema, and its source: connector options, or the view's query. */
@Command(name = "describe", description = "Shows a table's schema (columns, key, watermark) and source"
        + " (connector options, or a view's query).")
public final class DescribeMagic implements LineMagic {

    @Parameters(paramLabel = "NAME", description = "The table or view, as SQL names it (t, db.t, catalog.db.t).")
    String name;

    @Override
    public Object run(Session session) {
        CatalogTables tables = new CatalogTables(session.engine().sql());
        ContextResolvedTable table;
        try {
            table = tables.find(name).orElseThrow(() -> new MagicException("%describe: unknown table '" + name
                    + "'; tables: " + (tables.names().isEmpty() ? "none yet" : String.join(", ", tables.names()))));
        } catch (IllegalArgumentException e) {
            throw new MagicException("%describe: " + e.getMessage());
        }
        StringBuilder out = new StringBuilder();
        out.append("**").append(table.getIdentifier().asSummaryString()).append("**: ")
                .append(TablesMagic.kind(table)).append("\n\n");
        out.append(schema(table.getResolvedSchema()));
        CatalogBaseTable resolved = table.getResolvedTable();
        if (resolved instanceof CatalogTable catalogTable) {
            MarkdownTable options = new MarkdownTable("source option", "value");
            new TreeMap<>(catalogTable.getOptions()).forEach(options::row);
            out.append('\n').append(options.isEmpty() ? "Source: no options\n" : options.toString());
        } else if (resolved instanceof CatalogView view) {
            out.append("\nQuery:\n\n```sql\n").append(view.getOriginalQuery().strip()).append("\n```\n");
        }
        resolved.getDescription().filter(d -> !d.isBlank())
                .ifPresent(d -> out.append("\nComment: ").append(d).append('\n'));
        return new Markdown(out.toString());
    }

    private static String schema(ResolvedSchema schema) {
        Map<String, String> watermarks = new TreeMap<>();
        for (WatermarkSpec spec : schema.getWatermarkSpecs()) {
            watermarks.put(spec.getRowtimeAttribute(), spec.getWatermarkExpression().asSummaryString());
        }
        MarkdownTable columns = new MarkdownTable("column", "type", "extras", "watermark");
        for (Column column : schema.getColumns()) {
            columns.row(column.getName(), column.getDataType().getLogicalType().asSummaryString(),
                    column.explainExtras().orElse(""), watermarks.getOrDefault(column.getName(), ""));
        }
        StringBuilder out = new StringBuilder(columns.toString());
        schema.getPrimaryKey().ifPresent(key ->
                out.append("\nPrimary key: ").append(String.join(", ", key.getColumns())).append('\n'));
        return out.toString();
    }
}
