package dev.flinkjupyter.engine;

/**
 * One statement of a SQL script, without its terminating {@code ;}.
 *
 * @param text the statement, from its first token to its last (comments inside it kept)
 * @param line the script line of its first character, from 1
 * @param column the column of its first character on that line, from 1
 */
public record SqlStatement(String text, int line, int column) {

    /** Where a position reported by Flink for this statement alone lies in the script. */
    public Position inScript(int statementLine, int statementColumn) {
        return statementLine <= 1
                ? new Position(line, column + Math.max(statementColumn, 1) - 1)
                : new Position(line + statementLine - 1, statementColumn);
    }

    /** A line and column, both from 1. */
    public record Position(int line, int column) {}
}
