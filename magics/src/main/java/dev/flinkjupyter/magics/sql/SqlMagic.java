package dev.flinkjupyter.magics.sql;

import dev.flinkjupyter.engine.SqlError;
import dev.flinkjupyter.engine.SqlMode;
import dev.flinkjupyter.engine.SqlResult;
import dev.flinkjupyter.engine.render.Live;
import dev.flinkjupyter.magics.CellMagic;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Session;
import dev.flinkjupyter.magics.VariableSubstitution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code %%sql [--limit N] [-o NAME]}: the cell's Flink SQL statements, separated by {@code ;}, run in
 * order; the last query's result is shown, live when it is unbounded. {@code ${var}} in the SQL is the
 * value of a Java variable.
 */
@Command(name = "sql", description = {
        "Runs Flink SQL statements separated by ';' (DDL, INSERT, queries, SET, SHOW, DESCRIBE, EXPLAIN)"
                + " and shows the last query's result; ${var} is a Java variable's value.",
        "In auto mode (%%flink mode) a query runs in batch when all its sources are bounded, else in streaming."})
public final class SqlMagic implements CellMagic {
    /** The SQL starts on the cell's second line, under {@code %%sql}. */
    private static final int FIRST_LINE = 2;

    @Option(names = "--limit", paramLabel = "N", description = "Shows (and binds) at most N rows.")
    Integer limit;

    @Option(names = {"-o", "--output"}, paramLabel = "NAME",
            description = "Binds the result to a Java variable: a Tablesaw table when bounded, a Flink Table when unbounded.")
    String output;

    @Override
    public Object run(Session session, String body) {
        if (limit != null && limit < 1) {
            throw new MagicException("--limit must be at least 1, was " + limit);
        }
        if (output != null && !javax.lang.model.SourceVersion.isName(output)) {
            throw new MagicException("-o " + output + ": not a Java variable name");
        }
        String sql = VariableSubstitution.apply(body, session);
        SqlResult result;
        try {
            result = session.engine().sql().execute(sql, FIRST_LINE);
        } catch (SqlError e) {
            throw new MagicException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new MagicException(e.getMessage());
        }
        if (result.result().getJobClient().isPresent()) {
            System.out.println(result.modeNote());
        }
        if (!result.isQuery()) {
            if (output != null) {
                throw new MagicException("-o " + output + ": the last statement is not a query, there is nothing to bind");
            }
            return result.result();
        }
        boolean bounded = result.mode() == SqlMode.BATCH;
        if (output != null) {
            if (bounded) {
                tech.tablesaw.api.Table table = ResultTables.toTablesaw(
                        result.result(), output, limit != null ? limit : Integer.MAX_VALUE);
                session.bind(output, table, "tech.tablesaw.api.Table");
                return table;
            }
            // The rows never end: bind the query, so that a cell can run it its own way.
            session.bind(output, session.engine().sql().table(result.statement().text()),
                    "org.apache.flink.table.api.Table");
        }
        if (limit != null) {
            return Live.table(result.result()).maxRows(limit);
        }
        return result.result();
    }
}
