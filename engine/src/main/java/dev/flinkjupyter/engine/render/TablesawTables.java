package dev.flinkjupyter.engine.render;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * A Flink table's rows as a Tablesaw table, for {@code Charts} and for Tablesaw's own analysis:
 *
 * <pre>{@code
 * Charts.line(TablesawTables.of(tEnv.from("sales")), "day", "amount")
 * }</pre>
 *
 * Numbers become double columns, DATE a date column, TIMESTAMP a date-time column, TIMESTAMP_LTZ
 * an instant column, BOOLEAN a boolean column, and anything else its text; NULL stays missing.
 * The query runs with a limit, so an unbounded table gives its first rows.
 */
public final class TablesawTables {
    /** The most rows {@link #of(Table)} reads: plenty for a chart, safe for memory. */
    public static final int DEFAULT_MAX_ROWS = 100_000;

    private TablesawTables() {
    }

    /** The first {@link #DEFAULT_MAX_ROWS} rows of the table. */
    public static tech.tablesaw.api.Table of(Table table) {
        return of(table, DEFAULT_MAX_ROWS);
    }

    /** The first {@code maxRows} rows of the table, named after nothing (a chart titles it by its columns). */
    public static tech.tablesaw.api.Table of(Table table, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, was " + maxRows);
        }
        ResolvedSchema schema = table.getResolvedSchema();
        List<Column<?>> columns = new ArrayList<>();
        for (int i = 0; i < schema.getColumnCount(); i++) {
            columns.add(column(schema.getColumnNames().get(i), schema.getColumnDataTypes().get(i).getLogicalType()));
        }
        try (CloseableIterator<Row> rows = table.limit(maxRows).execute().collect()) {
            while (rows.hasNext()) {
                Row row = rows.next();
                for (int i = 0; i < columns.size(); i++) {
                    append(columns.get(i), row.getField(i));
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the rows of the table: " + e.getMessage(), e);
        }
        return tech.tablesaw.api.Table.create(columns);
    }

    private static Column<?> column(String name, LogicalType type) {
        if (type.is(LogicalTypeFamily.NUMERIC)) {
            return DoubleColumn.create(name);
        }
        if (type.is(LogicalTypeRoot.DATE)) {
            return DateColumn.create(name);
        }
        if (type.is(LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE)) {
            return DateTimeColumn.create(name);
        }
        if (type.is(LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE)) {
            return InstantColumn.create(name);
        }
        if (type.is(LogicalTypeRoot.BOOLEAN)) {
            return BooleanColumn.create(name);
        }
        return StringColumn.create(name);
    }

    private static void append(Column<?> column, Object value) {
        if (value == null) {
            column.appendMissing();
        } else if (column instanceof DoubleColumn numbers) {
            numbers.append(((Number) value).doubleValue());
        } else if (column instanceof DateColumn dates) {
            dates.append((LocalDate) value);
        } else if (column instanceof DateTimeColumn times) {
            times.append((LocalDateTime) value);
        } else if (column instanceof InstantColumn instants) {
            instants.append((Instant) value);
        } else if (column instanceof BooleanColumn booleans) {
            booleans.append((Boolean) value);
        } else {
            ((StringColumn) column).append(String.valueOf(value));
        }
    }
}
