package dev.flinkjupyter.magics.chart;

import dev.flinkjupyter.magics.MagicException;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The columns of a chart's data, with what a chart may do with each: the checks {@code %chart}
 * makes before it asks Flink for any row, so that a wrong column name is an error that lists the
 * columns instead of a failed job.
 *
 * @param source how the data is called in messages: {@code table orders}, {@code the query}
 */
record ChartColumns(String source, List<ChartColumn> columns) {

    /** A column: its name, its type as the source writes it, whether numbers or times. */
    record ChartColumn(String name, String type, boolean numeric, boolean temporal) {
    }

    static ChartColumns of(String source, ResolvedSchema schema) {
        List<ChartColumn> columns = new ArrayList<>();
        schema.getColumns().forEach(c -> {
            LogicalType type = c.getDataType().getLogicalType();
            columns.add(new ChartColumn(c.getName(), type.asSummaryString(), type.is(LogicalTypeFamily.NUMERIC),
                    type.is(LogicalTypeFamily.DATETIME) && !type.is(LogicalTypeFamily.TIME)));
        });
        return new ChartColumns(source, columns);
    }

    static ChartColumns of(String source, Table table) {
        List<ChartColumn> columns = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            columns.add(new ChartColumn(c.name(), c.type().name(), c instanceof NumericColumn<?>,
                    c instanceof DateColumn || c instanceof DateTimeColumn || c instanceof InstantColumn));
        }
        return new ChartColumns(source, columns);
    }

    /** The column of that name, or an error that lists the columns with their types. */
    ChartColumn require(String name, String option) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new MagicException(option + " " + name + ": no column '" + name + "' in " + source
                        + "; its columns: " + describe()));
    }

    /** A numeric column, for the values a chart measures. */
    ChartColumn requireNumeric(String name, String option, ChartKind kind) {
        ChartColumn column = require(name, option);
        if (!column.numeric()) {
            throw new MagicException(option + " " + name + ": a " + kind + " chart needs numbers there, and '" + name
                    + "' is " + column.type() + "; numeric columns: " + names(ChartColumn::numeric));
        }
        return column;
    }

    /** {@code id INT, name STRING}. */
    String describe() {
        return columns.stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "));
    }

    private String names(java.util.function.Predicate<ChartColumn> which) {
        List<String> names = columns.stream().filter(which).map(ChartColumn::name).toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** For an x that must be a number or a time. */
    ChartColumn requireContinuous(String name, ChartKind kind) {
        ChartColumn column = require(name, "--x");
        if (!column.numeric() && !column.temporal()) {
            throw new MagicException("--x " + name + ": a " + kind + " chart needs numbers, dates or times on x, and '"
                    + name + "' is " + column.type() + " (a bar chart takes labels); numeric and time columns: "
                    + names(c -> c.numeric() || c.temporal()));
        }
        return column;
    }
}
