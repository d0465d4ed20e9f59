package dev.flinkjupyter.engine.render;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
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
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.TimeColumn;
import tech.tablesaw.columns.Column;

/**
 * Flink rows gathered into Tablesaw columns, one per column of the Flink schema. Which Tablesaw
 * type a column gets is chosen once: {@link #closestTypes} keeps the SQL type as near as Tablesaw
 * allows, {@link #numbersAsDoubles} makes every number a double (what charts plot). NULL stays
 * missing; a type Tablesaw has no column for becomes its text.
 *
 * <pre>{@code
 * tech.tablesaw.api.Table t = TablesawRows.closestTypes(result.getResolvedSchema())
 *         .read(result.collect(), 1000, row -> {})
 *         .toTable("result");
 * }</pre>
 */
public final class TablesawRows {
    private final List<Column<?>> columns = new ArrayList<>();

    private TablesawRows(ResolvedSchema schema, BiFunction<String, LogicalType, Column<?>> columnOf) {
        for (int i = 0; i < schema.getColumnCount(); i++) {
            columns.add(columnOf.apply(schema.getColumnNames().get(i),
                    schema.getColumnDataTypes().get(i).getLogicalType()));
        }
    }

    /**
     * Columns of the Tablesaw type closest to each SQL type: TINYINT and SMALLINT short, INT int,
     * BIGINT long, FLOAT float, DOUBLE and DECIMAL double, DATE, TIME, TIMESTAMP and TIMESTAMP_LTZ
     * their date and time columns, BOOLEAN boolean; anything else text.
     */
    public static TablesawRows closestTypes(ResolvedSchema schema) {
        return new TablesawRows(schema, TablesawRows::closestColumn);
    }

    /**
     * Columns for charts: every number a double, DATE a date, TIMESTAMP a date-time, TIMESTAMP_LTZ
     * an instant, BOOLEAN a boolean; anything else text.
     */
    public static TablesawRows numbersAsDoubles(ResolvedSchema schema) {
        return new TablesawRows(schema, TablesawRows::chartColumn);
    }

    /**
     * Appends at most {@code maxRows} rows, then closes the iterator (which cancels a job that
     * still runs). {@code check} sees every row before it is appended, and may refuse it by throwing.
     */
    public TablesawRows read(CloseableIterator<Row> rows, int maxRows, Consumer<Row> check) {
        try (rows) {
            for (int count = 0; count < maxRows && rows.hasNext(); count++) {
                Row row = rows.next();
                check.accept(row);
                for (int i = 0; i < columns.size(); i++) {
                    append(columns.get(i), row.getField(i));
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the rows of the result: " + e.getMessage(), e);
        }
        return this;
    }

    /** The rows read so far as a table of this name (null for none: a chart titles it by its columns). */
    public tech.tablesaw.api.Table toTable(String name) {
        return tech.tablesaw.api.Table.create(name, columns);
    }

    private static Column<?> closestColumn(String name, LogicalType type) {
        return switch (type.getTypeRoot()) {
            case BOOLEAN -> BooleanColumn.create(name);
            case TINYINT, SMALLINT -> ShortColumn.create(name);
            case INTEGER -> IntColumn.create(name);
            case BIGINT -> LongColumn.create(name);
            case FLOAT -> FloatColumn.create(name);
            case DOUBLE, DECIMAL -> DoubleColumn.create(name);
            case DATE -> DateColumn.create(name);
            case TIME_WITHOUT_TIME_ZONE -> TimeColumn.create(name);
            case TIMESTAMP_WITHOUT_TIME_ZONE -> DateTimeColumn.create(name);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> InstantColumn.create(name);
            default -> StringColumn.create(name);
        };
    }

    private static Column<?> chartColumn(String name, LogicalType type) {
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

    @SuppressWarnings("unchecked")
    private static void append(Column<?> column, Object value) {
        if (value == null) {
            column.appendMissing();
        } else if (column instanceof ShortColumn c) {
            c.append(((Number) value).shortValue());
        } else if (column instanceof DoubleColumn c) {
            c.append(((Number) value).doubleValue());
        } else if (column instanceof StringColumn c) {
            c.append(String.valueOf(value));
        } else if (column instanceof DateColumn c) {
            c.append((LocalDate) value);
        } else if (column instanceof TimeColumn c) {
            c.append((LocalTime) value);
        } else if (column instanceof DateTimeColumn c) {
            c.append((LocalDateTime) value);
        } else if (column instanceof InstantColumn c) {
            c.append((Instant) value);
        } else {
            // boolean, int, long and float columns take the boxed value as it comes
            ((Column<Object>) column).appendObj(value);
        }
    }
}
