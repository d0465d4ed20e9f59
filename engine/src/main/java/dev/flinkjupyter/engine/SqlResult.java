package dev.flinkjupyter.engine;

import java.util.Optional;
import org.apache.flink.table.api.ResultKind;
import org.apache.flink.table.api.TableResult;

/**
 * What a SQL script gave: the result of its last query (or of its last statement when it has no
 * query) and the runtime mode that statement ran in.
 *
 * @param result Flink's result; a query's rows are collected from it
 * @param statement the statement that gave it
 * @param mode {@link SqlMode#BATCH} or {@link SqlMode#STREAMING}: how the statement ran
 * @param reason why {@link SqlMode#AUTO} chose that mode, e.g. "a source is unbounded"; empty when
 *     the mode was set by the user or the statement runs no job
 * @param isQuery whether the statement is a query (SELECT, VALUES, WITH ...), whose rows are the result
 */
public record SqlResult(
        TableResult result, SqlStatement statement, SqlMode mode, Optional<String> reason, boolean isQuery) {

    /** Whether the result has rows to show (a query, SHOW, DESCRIBE, EXPLAIN, an INSERT's job id). */
    public boolean hasRows() {
        return result.getResultKind() == ResultKind.SUCCESS_WITH_CONTENT;
    }

    /** A one-line note on the mode, e.g. "batch mode (all sources are bounded)". */
    public String modeNote() {
        return mode + " mode" + reason.map(r -> " (" + r + ")").orElse("");
    }
}
