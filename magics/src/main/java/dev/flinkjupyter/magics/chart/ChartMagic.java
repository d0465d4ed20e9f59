package dev.flinkjupyter.magics.chart;

import dev.flinkjupyter.display.Charts;
import dev.flinkjupyter.magics.LineMagic;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Session;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.api.TableResult;
import org.knowm.xchart.internal.chartpart.Chart;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code %chart KIND (--table NAME | --sql QUERY | --var NAME) --x COL --y COL[,COL]}: a chart of
 * a table, drawn from data Flink computes. Line, bar, scatter and pie charts fetch at most
 * {@code --limit} rows of the columns they draw; a histogram has Flink count the values per bin, so
 * only the counts come back.
 */
@Command(name = "chart",
        description = "Draws a chart of a table, a query or a variable: "
                + "%%chart line --table prices --x day --y open,close",
        footer = {"", "KIND: line, bar, scatter, hist, pie. A histogram counts --y (or --x) in --bins bins;",
                "a pie takes one --y. --var takes a Flink Table, a Tablesaw table or a List of rows or records."})
public final class ChartMagic implements LineMagic {
    /** Rows a chart draws unless {@code --limit} says otherwise. */
    public static final int DEFAULT_LIMIT = 1000;

    @Parameters(index = "0", paramLabel = "KIND", description = "line, bar, scatter, hist or pie.")
    ChartKind kind;

    @ArgGroup(multiplicity = "1")
    Source source;

    /** Where the data comes from: exactly one of these. */
    static final class Source {
        @Option(names = "--table", paramLabel = "NAME", description = "A table or view of the catalog.")
        String table;

        @Option(names = "--sql", paramLabel = "QUERY", description = "A Flink SQL query, quoted.")
        String sql;

        @Option(names = "--var", paramLabel = "NAME",
                description = "A variable: Flink Table, Tablesaw table, or List of rows or records.")
        String variable;
    }

    @Option(names = "--x", paramLabel = "COL", description = "The column along x (the labels of a bar or pie chart).")
    String x;

    @Option(names = "--y", paramLabel = "COL", split = ",", description = "The column(s) of values, comma-separated.")
    List<String> ys = new ArrayList<>();

    @Option(names = "--title", paramLabel = "TEXT", description = "The chart's title.")
    String title;

    @Option(names = "--svg", description = "Draw as SVG instead of PNG.")
    boolean svg;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT,
            description = "Rows to draw at most (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--bins", paramLabel = "N", defaultValue = "20", description = "Bins of a histogram (default: ${DEFAULT-VALUE}).")
    int bins;

    @Override
    public Object run(Session session) {
        if (limit < 1) {
            throw new MagicException("--limit " + limit + ": draw at least 1 row");
        }
        if (bins < 1 || bins > 1000) {
            throw new MagicException("--bins " + bins + ": between 1 and 1000");
        }
        Chart<?, ?> chart = kind == ChartKind.hist ? histogram(session) : fromRows(session);
        if (title != null) {
            chart.setTitle(title);
        }
        return svg ? Charts.svg(chart) : chart;
    }

    private Chart<?, ?> fromRows(Session session) {
        if (x == null) {
            throw new MagicException("--x is missing: a " + kind + " chart needs the column along x"
                    + columnsHint(session));
        }
        if (ys.isEmpty()) {
            throw new MagicException("--y is missing: a " + kind + " chart needs the column(s) of values" + columnsHint(session));
        }
        if (kind == ChartKind.pie && ys.size() > 1) {
            throw new MagicException("--y " + String.join(",", ys) + ": a pie takes one column of values");
        }
        Data data = data(session);
        if (kind.needsContinuousX()) {
            data.columns().requireContinuous(x, kind);
        } else {
            data.columns().require(x, "--x");
        }
        ys.forEach(y -> data.columns().requireNumeric(y, "--y", kind));
        List<String> names = new ArrayList<>();
        names.add(x);
        names.addAll(ys);
        ChartRows rows = data.rows(names, limit);
        if (rows.cut()) {
            System.out.println("Drawing the first " + limit + " rows of " + data.columns().source()
                    + "; --limit N draws more.");
        }
        tech.tablesaw.api.Table table = rows.table();
        if (table.rowCount() == 0) {
            throw new MagicException(data.columns().source() + " has no rows: nothing to draw");
        }
        String[] values = ys.toArray(String[]::new);
        try {
            return switch (kind) {
                case line -> Charts.line(table.sortAscendingOn(x), x, values);
                case scatter -> Charts.scatter(table, x, values);
                case bar -> Charts.bar(table, x, values);
                case pie -> Charts.pie(table, x, values[0]);
                case hist -> throw new IllegalStateException("a histogram is counted, not drawn from rows");
            };
        } catch (IllegalArgumentException e) {
            String advice = kind == ChartKind.pie ? " (group first: --sql \"SELECT " + x + ", SUM(" + values[0]
                    + ") AS " + values[0] + " FROM ... GROUP BY " + x + "\")" : "";
            throw new MagicException("cannot draw the " + kind + " chart: " + e.getMessage() + advice);
        }
    }

    private Chart<?, ?> histogram(Session session) {
        List<String> counted = !ys.isEmpty() ? ys : x != null ? List.of(x) : List.of();
        String option = !ys.isEmpty() ? "--y" : "--x";
        if (counted.isEmpty()) {
            throw new MagicException("--y is missing: a histogram needs the numeric column(s) to count" + columnsHint(session));
        }
        Data data = data(session);
        counted.forEach(c -> data.columns().requireNumeric(c, option, kind));
        Bins counts = data.bins(counted, bins);
        String name = String.join(", ", counted);
        return counts.chart(name, counted.size() == 1 ? name : "");
    }

    /** The columns, for an error about a missing option; the data is not asked for more than its schema. */
    private String columnsHint(Session session) {
        try {
            ChartColumns columns = data(session).columns();
            return "; the columns of " + columns.source() + ": " + columns.describe();
        } catch (MagicException e) {
            return "";
        }
    }

    /** The data of one of the sources, from Flink or in memory. */
    private interface Data {
        ChartColumns columns();

        ChartRows rows(List<String> names, int limit);

        Bins bins(List<String> names, int count);
    }

    private Data data(Session session) {
        if (source.table != null) {
            TableEnvironment tEnv = session.engine().tableEnvironment();
            Table table;
            try {
                table = tEnv.from(source.table);
            } catch (ValidationException e) {
                String[] tables = tEnv.listTables();
                throw new MagicException("--table " + source.table + ": no such table; "
                        + (tables.length == 0 ? "the catalog has no tables yet (%load or CREATE TABLE makes one)"
                        : "tables: " + String.join(", ", tables)));
            }
            return flink(table, "table " + source.table);
        }
        if (source.sql != null) {
            Table table;
            try {
                table = session.engine().tableEnvironment().sqlQuery(source.sql);
            } catch (RuntimeException e) {
                throw new MagicException("--sql: " + e.getMessage(), e);
            }
            return flink(table, "the query");
        }
        Object value = session.value(source.variable).orElseThrow(() -> new MagicException("--var " + source.variable
                + ": no variable of that name holds a value; variables: " + String.join(", ", session.variables().keySet())));
        String name = "variable " + source.variable;
        if (value instanceof Table table) {
            return flink(table, name);
        }
        if (value instanceof TableResult) {
            throw new MagicException("--var " + source.variable + " is a TableResult, whose rows can be read once: "
                    + "chart the Table instead (tEnv.sqlQuery(...) or tEnv.from(...))");
        }
        tech.tablesaw.api.Table data;
        if (value instanceof tech.tablesaw.api.Table t) {
            data = t;
        } else if (value instanceof List<?> list) {
            data = ListTable.of(name, list);
        } else if (value instanceof Collection<?> collection) {
            data = ListTable.of(name, new ArrayList<>(collection));
        } else {
            throw new MagicException("--var " + source.variable + " is a " + value.getClass().getName()
                    + ": %chart takes a Flink Table, a Tablesaw table or a List of rows or records");
        }
        ChartColumns columns = ChartColumns.of(name, data);
        MemoryChartData memory = new MemoryChartData(data, columns);
        return new Data() {
            public ChartColumns columns() {
                return columns;
            }

            public ChartRows rows(List<String> names, int limit) {
                return memory.rows(names, limit);
            }

            public Bins bins(List<String> names, int count) {
                return memory.bins(names, count);
            }
        };
    }

    private static Data flink(Table table, String source) {
        ChartColumns columns = ChartColumns.of(source, table.getResolvedSchema());
        FlinkChartData flink = new FlinkChartData(table, columns);
        return new Data() {
            public ChartColumns columns() {
                return columns;
            }

            public ChartRows rows(List<String> names, int limit) {
                return flink.rows(names, limit);
            }

            public Bins bins(List<String> names, int count) {
                return flink.bins(names, count);
            }
        };
    }
}
