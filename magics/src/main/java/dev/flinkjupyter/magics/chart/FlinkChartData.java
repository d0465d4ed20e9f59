package dev.flinkjupyter.magics.chart;

import dev.flinkjupyter.magics.MagicException;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.ifThenElse;
import static org.apache.flink.table.api.Expressions.lit;

/**
 * A chart's data asked of Flink, never more of it than the chart draws: the chart's columns of at
 * most {@code limit} rows, or for a histogram the bounds of the values and then a count per bin,
 * computed by a GROUP BY over the bin index.
 */
final class FlinkChartData {
    private final Table table;
    private final ChartColumns columns;

    FlinkChartData(Table table, ChartColumns columns) {
        this.table = table;
        this.columns = columns;
    }

    /** The named columns of the first {@code limit} rows (one more is asked for, to know if there are more). */
    ChartRows rows(List<String> names, int limit) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(names));
        Table selected = table.select(distinct.stream().map(n -> $(n)).toArray(ApiExpression[]::new)).limit(limit + 1);
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = selected.execute().collect()) {
            while (it.hasNext() && rows.size() <= limit) {
                rows.add(it.next());
            }
        } catch (Exception e) {
            throw failed(e);
        }
        boolean cut = rows.size() > limit;
        if (cut) {
            rows.remove(limit);
        }
        tech.tablesaw.api.Table data = tech.tablesaw.api.Table.create("");
        for (int i = 0; i < distinct.size(); i++) {
            data.addColumns(column(columns.require(distinct.get(i), "--x"), rows, i));
        }
        return new ChartRows(data, cut);
    }

    /** The histogram of numeric columns over {@code count} bins shared by all of them. */
    Bins bins(List<String> names, int count) {
        List<ApiExpression> bounds = new ArrayList<>();
        for (String name : names) {
            bounds.add(value(name).min());
            bounds.add(value(name).max());
        }
        Row row = single(table.select(bounds.toArray(ApiExpression[]::new)));
        Double min = null;
        Double max = null;
        for (int i = 0; i < names.size(); i++) {
            Object lo = row.getField(2 * i);
            Object hi = row.getField(2 * i + 1);
            if (lo != null) {
                min = min == null ? (Double) lo : Math.min(min, (Double) lo);
                max = max == null ? (Double) hi : Math.max(max, (Double) hi);
            }
        }
        if (min == null) {
            throw new MagicException("nothing to count: " + String.join(", ", names) + " has no values in " + columns.source());
        }
        Bins bins = new Bins(min, max, count);
        for (String name : names) {
            bins.put(name, counts(name, bins));
        }
        return bins;
    }

    private long[] counts(String name, Bins bins) {
        ApiExpression v = $("v");
        ApiExpression index = bins.width() == 0 ? lit(0)
                : ifThenElse(v.isGreaterOrEqual(lit(bins.max())), lit(bins.count() - 1),
                        v.minus(lit(bins.min())).dividedBy(lit(bins.width())).floor().cast(DataTypes.INT()));
        Table counted = table.select(value(name).as("v"))
                .where(v.isNotNull())
                .select(index.as("bin"))
                .groupBy($("bin"))
                .select($("bin"), $("bin").count().as("n"));
        long[] counts = new long[bins.count()];
        try (CloseableIterator<Row> it = counted.execute().collect()) {
            while (it.hasNext()) {
                Row row = it.next();
                int bin = Math.max(0, Math.min(bins.count() - 1, ((Number) row.getField(0)).intValue()));
                counts[bin] += ((Number) row.getField(1)).longValue();
            }
        } catch (Exception e) {
            throw failed(e);
        }
        return counts;
    }

    private static ApiExpression value(String name) {
        return $(name).cast(DataTypes.DOUBLE());
    }

    private Row single(Table query) {
        try (CloseableIterator<Row> it = query.execute().collect()) {
            return it.next();
        } catch (Exception e) {
            throw failed(e);
        }
    }

    private MagicException failed(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += ": " + root.getMessage();
        }
        return new MagicException("the chart's query on " + columns.source() + " failed: " + message, e);
    }

    /** A Tablesaw column of one field of the rows: numbers as doubles, times as times, the rest as text. */
    private static Column<?> column(ChartColumns.ChartColumn column, List<Row> rows, int field) {
        String name = column.name();
        if (column.numeric()) {
            DoubleColumn values = DoubleColumn.create(name);
            rows.forEach(r -> {
                Object v = r.getField(field);
                if (v == null) {
                    values.appendMissing();
                } else {
                    values.append(((Number) v).doubleValue());
                }
            });
            return values;
        }
        Object sample = rows.stream().map(r -> r.getField(field)).filter(v -> v != null).findFirst().orElse(null);
        if (sample instanceof LocalDate) {
            DateColumn values = DateColumn.create(name);
            rows.forEach(r -> values.append((LocalDate) r.getField(field)));
            return values;
        }
        if (sample instanceof LocalDateTime) {
            DateTimeColumn values = DateTimeColumn.create(name);
            rows.forEach(r -> values.append((LocalDateTime) r.getField(field)));
            return values;
        }
        if (sample instanceof Instant) {
            InstantColumn values = InstantColumn.create(name);
            rows.forEach(r -> values.append((Instant) r.getField(field)));
            return values;
        }
        StringColumn values = StringColumn.create(name);
        rows.forEach(r -> values.append(r.getField(field) == null ? null : String.valueOf(r.getField(field))));
        return values;
    }
}
