package dev.flinkjupyter.magics.sql;

import dev.flinkjupyter.engine.render.TablesawRows;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import tech.tablesaw.api.Table;

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
        return TablesawRows.closestTypes(result.getResolvedSchema())
                .read(result.collect(), maxRows, ResultTables::requireInsert)
                .toTable(name);
    }

    private static void requireInsert(Row row) {
        if (row.getKind() != RowKind.INSERT) {
            throw new IllegalArgumentException("the result is a changelog (" + row.getKind().shortString()
                    + " rows), not a table");
        }
    }
}
