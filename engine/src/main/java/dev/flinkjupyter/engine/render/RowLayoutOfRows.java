package dev.flinkjupyter.engine.render;

import dev.flinkjupyter.display.HtmlTable;
import dev.flinkjupyter.display.RowLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;

/**
 * Flink rows as table rows, when they all have the same arity (and the same field names, if
 * they have names): one column per field, named after it or {@code f0, f1, ...}, typed by the
 * values (rows carry no types). A changelog (any row not an insert) gets an {@code op} column
 * first with {@code +I}, {@code -U}, {@code +U}, {@code -D}.
 */
final class RowLayoutOfRows implements RowLayout<Row> {
    static final String OP = "op";

    @Override
    public Optional<List<HtmlTable.Column>> columns(List<? extends Row> rows) {
        Row first = rows.get(0);
        Set<String> names = first.getFieldNames(true);
        int arity = first.getArity();
        for (Row row : rows) {
            if (row.getArity() != arity || !Objects.equals(row.getFieldNames(true), names)) {
                return Optional.empty();
            }
        }
        List<String> fieldNames = new ArrayList<>(arity);
        if (names != null) {
            fieldNames.addAll(names);
        } else {
            for (int i = 0; i < arity; i++) {
                fieldNames.add("f" + i);
            }
        }
        List<HtmlTable.Column> columns = new ArrayList<>(arity + 1);
        if (rows.stream().anyMatch(row -> row.getKind() != RowKind.INSERT)) {
            columns.add(HtmlTable.Column.of(OP, ""));
        }
        for (int i = 0; i < fieldNames.size(); i++) {
            List<Object> values = new ArrayList<>(rows.size());
            for (Row row : rows) {
                values.add(field(row, i, fieldNames.get(i), names != null));
            }
            columns.add(HtmlTable.Column.forValues(fieldNames.get(i), values));
        }
        return Optional.of(columns);
    }

    @Override
    public List<?> cells(Row row, List<HtmlTable.Column> columns) {
        return cells(row, columns.size() == row.getArity() + 1);
    }

    /** The row's fields in order, after its kind when {@code withKind}. */
    static List<Object> cells(Row row, boolean withKind) {
        Set<String> names = row.getFieldNames(true);
        List<Object> cells = new ArrayList<>(row.getArity() + 1);
        if (withKind) {
            cells.add(row.getKind().shortString());
        }
        if (names != null) {
            for (String name : names) {
                cells.add(row.getField(name));
            }
        } else {
            for (int i = 0; i < row.getArity(); i++) {
                cells.add(row.getField(i));
            }
        }
        return cells;
    }

    /** Rows made by name (Row.withNames()) cannot be read by position. */
    private static Object field(Row row, int position, String name, boolean named) {
        return named ? row.getField(name) : row.getField(position);
    }
}
