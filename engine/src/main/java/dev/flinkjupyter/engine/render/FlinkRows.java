package dev.flinkjupyter.engine.render;

import dev.flinkjupyter.display.Change;
import dev.flinkjupyter.display.Display;
import dev.flinkjupyter.display.HtmlTable;
import dev.flinkjupyter.display.LiveFeed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;

/** Flink rows as rows of a live table: their fields are the cells, their kind is the change. */
final class FlinkRows {
    private FlinkRows() {
    }

    /** Rows of a query's result, under its schema: Flink's column names and types. */
    static LiveFeed.Rows<Row> of(ResolvedSchema schema) {
        List<HtmlTable.Column> columns = FlinkColumns.of(schema);
        return new LiveFeed.Rows<>() {
            @Override
            public Optional<List<HtmlTable.Column>> columns() {
                return Optional.of(columns);
            }

            @Override
            public List<HtmlTable.Column> columns(List<? extends Row> first) {
                return columns;
            }

            @Override
            public List<?> cells(Row row, List<HtmlTable.Column> c) {
                return RowLayoutOfRows.cells(row, false);
            }

            @Override
            public Change change(Row row) {
                return FlinkRows.change(row.getKind());
            }
        };
    }

    /**
     * Collected elements of any type: Flink rows by their fields (named, or {@code f0, f1, ...})
     * and kinds; anything else by display's row layouts (tuples, records, POJOs) or as one column.
     */
    static <T> LiveFeed.Rows<T> ofElements() {
        LiveFeed.Rows<T> others = LiveFeed.rowsByLayout(Display.renderers());
        return new LiveFeed.Rows<>() {
            private boolean rows;

            @Override
            public List<HtmlTable.Column> columns(List<? extends T> first) {
                Object sample = first.stream().filter(e -> e != null).findFirst().orElse(null);
                rows = sample instanceof Row && first.stream().allMatch(e -> e instanceof Row);
                return rows ? columnsOf(first) : others.columns(first);
            }

            @Override
            public List<?> cells(T element, List<HtmlTable.Column> columns) {
                if (!rows) {
                    return others.cells(element, columns);
                }
                List<Object> cells = new ArrayList<>(columns.size());
                if (element instanceof Row row) {
                    cells.addAll(RowLayoutOfRows.cells(row, false));
                }
                // a row of another shape (or not a row) is cut or padded to the columns
                cells.addAll(Collections.nCopies(Math.max(0, columns.size() - cells.size()), null));
                return cells.subList(0, columns.size());
            }

            @Override
            public Change change(T element) {
                return element instanceof Row row ? FlinkRows.change(row.getKind()) : Change.INSERT;
            }
        };
    }

    private static List<HtmlTable.Column> columnsOf(List<?> rows) {
        Row first = (Row) rows.get(0);
        Set<String> names = first.getFieldNames(true);
        List<String> fieldNames = new ArrayList<>();
        if (names != null) {
            fieldNames.addAll(names);
        } else {
            for (int i = 0; i < first.getArity(); i++) {
                fieldNames.add("f" + i);
            }
        }
        List<HtmlTable.Column> columns = new ArrayList<>(fieldNames.size());
        for (int i = 0; i < fieldNames.size(); i++) {
            List<Object> values = new ArrayList<>(rows.size());
            for (Object element : rows) {
                List<Object> cells = RowLayoutOfRows.cells((Row) element, false);
                values.add(i < cells.size() ? cells.get(i) : null);
            }
            columns.add(HtmlTable.Column.forValues(fieldNames.get(i), values));
        }
        return columns;
    }

    static Change change(RowKind kind) {
        return switch (kind) {
            case INSERT -> Change.INSERT;
            case UPDATE_BEFORE -> Change.UPDATE_BEFORE;
            case UPDATE_AFTER -> Change.UPDATE_AFTER;
            case DELETE -> Change.DELETE;
        };
    }
}
