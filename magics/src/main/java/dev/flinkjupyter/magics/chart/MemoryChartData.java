package dev.flinkjupyter.magics.chart;

import dev.flinkjupyter.magics.MagicException;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/** A chart's data that is in the kernel already (a Tablesaw table, a list): cut to the limit here. */
final class MemoryChartData {
    private final Table table;
    private final ChartColumns columns;

    MemoryChartData(Table table, ChartColumns columns) {
        this.table = table;
        this.columns = columns;
    }

    /** The named columns of the first {@code limit} rows. */
    ChartRows rows(List<String> names, int limit) {
        Table first = table.rowCount() > limit ? table.first(limit) : table;
        Table selected = Table.create("", names.stream().distinct().<tech.tablesaw.columns.Column<?>>map(n -> first.column(n).copy()));
        return new ChartRows(selected, table.rowCount() > limit);
    }

    /** The histogram of numeric columns over {@code count} bins shared by all of them. */
    Bins bins(List<String> names, int count) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (String name : names) {
            NumericColumn<?> column = table.numberColumn(name);
            for (int i = 0; i < column.size(); i++) {
                if (!column.isMissing(i)) {
                    min = Math.min(min, column.getDouble(i));
                    max = Math.max(max, column.getDouble(i));
                }
            }
        }
        if (min > max) {
            throw new MagicException("nothing to count: " + String.join(", ", names) + " has no values in " + columns.source());
        }
        Bins bins = new Bins(min, max, count);
        for (String name : names) {
            NumericColumn<?> column = table.numberColumn(name);
            long[] counts = new long[bins.count()];
            for (int i = 0; i < column.size(); i++) {
                if (!column.isMissing(i)) {
                    counts[bins.index(column.getDouble(i))]++;
                }
            }
            bins.put(name, counts);
        }
        return bins;
    }
}
