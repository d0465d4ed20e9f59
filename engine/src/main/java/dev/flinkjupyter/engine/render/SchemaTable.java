package dev.flinkjupyter.engine.render;

import dev.flinkjupyter.display.Head;
import dev.flinkjupyter.display.Html;
import dev.flinkjupyter.display.HtmlTable;
import dev.flinkjupyter.display.MimeBundle;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;

/**
 * Rows read from a query, under the query's schema: Flink's column names and types; an
 * {@code op} column first when the rows are a changelog; a plan or other long text alone in one
 * cell shown as it is.
 */
final class SchemaTable {
    private SchemaTable() {
    }

    static MimeBundle render(ResolvedSchema schema, Head<Row> head) {
        List<Row> rows = head.elements();
        if (isOneText(schema, rows)) {
            String text = (String) rows.get(0).getField(0);
            return MimeBundle.html("<pre>" + Html.escape(text) + "</pre>", text);
        }
        boolean changelog = rows.stream().anyMatch(row -> row.getKind() != RowKind.INSERT);
        List<HtmlTable.Column> columns = new ArrayList<>();
        if (changelog) {
            columns.add(HtmlTable.Column.of(RowLayoutOfRows.OP, ""));
        }
        columns.addAll(FlinkColumns.of(schema));
        HtmlTable table = HtmlTable.withColumns(columns);
        for (Row row : rows) {
            table.addRow(RowLayoutOfRows.cells(row, changelog));
        }
        return table.count(head.count()).bundle();
    }

    /** EXPLAIN and SHOW CREATE answer one multi-line string, which reads badly in a table cell. */
    private static boolean isOneText(ResolvedSchema schema, List<Row> rows) {
        return schema.getColumnCount() == 1 && rows.size() == 1 && rows.get(0).getArity() == 1
                && rows.get(0).getField(0) instanceof String text && text.contains("\n");
    }
}
