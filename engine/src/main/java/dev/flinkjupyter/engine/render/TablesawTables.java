package dev.flinkjupyter.engine.render;

import org.apache.flink.table.api.Table;

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
        return TablesawRows.numbersAsDoubles(table.getResolvedSchema())
                .read(table.limit(maxRows).execute().collect(), maxRows, row -> { })
                .toTable(null);
    }
}
