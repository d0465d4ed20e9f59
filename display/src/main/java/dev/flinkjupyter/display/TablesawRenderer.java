package dev.flinkjupyter.display;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw tables, in the look of every other table: the table's name over it, column types
 * (Tablesaw's own: {@code INTEGER}, {@code STRING}, ...), values printed with each column's
 * formatter, missing values as NULL, the first rows up to the limit.
 *
 * <p>Drawn with {@link HtmlTable} rather than tablesaw-html's writer, whose table has no types, no
 * alignment, no row note and a look of its own.
 */
final class TablesawRenderer implements Renderer<Table> {

    @Override
    public MimeBundle render(Table table, RenderContext context) {
        return render(table.name(), table.columns(), table.rowCount(), context.maxRows()).bundle();
    }

    /** One Tablesaw column alone, as a table of one column. */
    static MimeBundle render(Column<?> column, RenderContext context) {
        return render("", List.of(column), column.size(), context.maxRows()).bundle();
    }

    private static HtmlTable render(String name, List<Column<?>> columns, int rowCount, int maxRows) {
        List<HtmlTable.Column> header = new ArrayList<>(columns.size());
        for (Column<?> column : columns) {
            header.add(new HtmlTable.Column(column.name(), column.type().name(), column instanceof NumericColumn));
        }
        HtmlTable table = HtmlTable.withColumns(header).title(name == null ? "" : name);
        int shown = Math.min(rowCount, maxRows);
        for (int row = 0; row < shown; row++) {
            List<Object> cells = new ArrayList<>(columns.size());
            for (Column<?> column : columns) {
                cells.add(column.isMissing(row) ? null : column.getString(row));
            }
            table.addRow(cells);
        }
        return table.count(RowCount.of(shown, rowCount));
    }
}
