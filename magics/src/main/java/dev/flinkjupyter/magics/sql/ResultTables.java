package dev.flinkjupyter.magics.sql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
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
import tech.tablesaw.api.Table;
import tech.tablesaw.api.TimeColumn;
import tech.tablesaw.columns.Column;

/** The rows of a bounded Flink result as a Tablesaw table, each column of the Tablesaw type closest to its SQL type. */
final class ResultTables {
    private ResultTables() {
    }

    /**
     * Collects at most {@code maxRows} rows (the job is cancelled after them) into a table.
     *
     * @throws IllegalArgumentException if the result is a changelog with updates or deletes
     */
    static Table toTablesaw(TableResult result, String name, int maxRows) {
        ResolvedSchema schema = result.getResolvedSchema();
        List<Column<?>> columns = new ArrayList<>();
        for (int i = 0; i < schema.getColumnCount(); i++) {
            columns.add(column(schema.getColumnNames().get(i), schema.getColumnDataTypes().get(i).getLogicalType()));
        }
        try (CloseableIterator<Row> rows = result.collect()) {
            int count = 0;
            while (count < maxRows && rows.hasNext()) {
                Row row = rows.next();
                if (row.getKind() != RowKind.INSERT) {
                    throw new IllegalArgumentException("the result is a changelog (" + row.getKind().shortString()
                            + " rows), not a table");
                }
                for (int i = 0; i < columns.size(); i++) {
                    append(columns.get(i), row.getField(i));
                }
                count++;
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the query's result: " + e.getMessage(), e);
        }
        return Table.create(name, columns);
    }

    private static Column<?> column(String name, LogicalType type) {
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

    @SuppressWarnings("unchecked")
    private static void append(Column<?> column, Object value) {
        if (value == null) {
            column.appendMissing();
        } else if (column instanceof ShortColumn c) {
            c.append(((Number) value).shortValue());
        } else if (column instanceof DoubleColumn c) {
            c.append(value instanceof BigDecimal d ? d.doubleValue() : ((Number) value).doubleValue());
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
            ((Column<Object>) column).appendObj(value);
        }
    }
}
