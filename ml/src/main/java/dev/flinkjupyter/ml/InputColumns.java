package dev.flinkjupyter.ml;

import java.util.stream.Collectors;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;

/**
 * Checks that a stage's input columns exist and have the types it needs, before any job runs.
 * Errors name the column, what it should be, and every column of the table with its type.
 */
public final class InputColumns {
    private InputColumns() {
    }

    /** The type of a column; fails when there is none of that name. */
    public static LogicalType require(Table table, String role, String column) {
        ResolvedSchema schema = table.getResolvedSchema();
        return schema.getColumn(column).map(c -> c.getDataType().getLogicalType()).orElseThrow(() ->
                new IllegalArgumentException("unknown " + role + " column '" + column + "'; the table has "
                        + describe(schema)));
    }

    /** Requires a numeric column (any integer or decimal type). */
    public static void requireNumeric(Table table, String role, String column) {
        LogicalType type = require(table, role, column);
        if (!type.getTypeRoot().getFamilies().contains(LogicalTypeFamily.NUMERIC)) {
            throw new IllegalArgumentException(role + " column '" + column + "' is " + type
                    + ", not numeric; the table has " + describe(table.getResolvedSchema()));
        }
    }

    /** Requires a vector column ({@code ARRAY<DOUBLE>}, see {@link Vectors}). */
    public static void requireVector(Table table, String role, String column) {
        LogicalType type = require(table, role, column);
        if (!Vectors.isVector(type)) {
            throw new IllegalArgumentException(role + " column '" + column + "' is " + type
                    + ", not a vector (ARRAY<DOUBLE>); make one with VectorAssembler; the table has "
                    + describe(table.getResolvedSchema()));
        }
    }

    /** Requires that no column of that name exists yet, for an output column. */
    public static void requireAbsent(Table table, String role, String column) {
        if (table.getResolvedSchema().getColumn(column).isPresent()) {
            throw new IllegalArgumentException(role + " column '" + column + "' exists already; choose another name");
        }
    }

    /** The columns and their types: {@code a INT, b STRING}. */
    public static String describe(ResolvedSchema schema) {
        return schema.getColumns().stream().map(InputColumns::describe).collect(Collectors.joining(", "));
    }

    private static String describe(Column column) {
        return column.getName() + " " + column.getDataType().getLogicalType().asSummaryString();
    }
}
