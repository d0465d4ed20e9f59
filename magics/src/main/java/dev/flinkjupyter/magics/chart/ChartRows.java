package dev.flinkjupyter.magics.chart;

import tech.tablesaw.api.Table;

/**
 * The rows a chart draws.
 *
 * @param table the rows, at most the limit
 * @param cut   whether the data had more rows than the limit
 */
record ChartRows(Table table, boolean cut) {
}
