package dev.flinkjupyter.engine;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL statement of a script that Flink refused or failed to run. The positions in Flink's message
 * ("at line 1, column 8", "From line 1, column 8 to line 1, column 12") are those in the script (the
 * cell), not in the statement alone, and the message ends with the offending line and a caret.
 */
public final class SqlError extends RuntimeException {
    private static final Pattern POSITION = Pattern.compile("(?i)(line )(\\d+)(, column )(\\d+)");
    /** Flink lists every token its parser expected: hundreds of lines. The first few say enough. */
    private static final int MAX_MESSAGE_LINES = 12;

    private final int line;
    private final int column;

    private SqlError(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    /** The cell line of the error, from 1, when Flink gave a position. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    /** The cell column of the error, from 1, when Flink gave a position. */
    public OptionalInt column() {
        return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
    }

    /**
     * The error of one statement, its positions moved into the script.
     *
     * @param firstLine the cell line of the script's first line (2 when a {@code %%sql} line precedes it)
     */
    static SqlError of(Throwable failure, SqlStatement statement, SqlScript.LineStarts script, int firstLine) {
        String message = describe(failure);
        Matcher matcher = POSITION.matcher(message);
        StringBuilder moved = new StringBuilder();
        int errorLine = 0;
        int errorColumn = 0;
        while (matcher.find()) {
            SqlStatement.Position position = statement.inScript(
                    Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(4)));
            if (errorLine == 0) {
                errorLine = position.line();
                errorColumn = position.column();
            }
            matcher.appendReplacement(moved, Matcher.quoteReplacement(matcher.group(1)
                    + (position.line() + firstLine - 1) + matcher.group(3) + position.column()));
        }
        matcher.appendTail(moved);
        String text = shorten(moved.toString());
        if (errorLine == 0) {
            // No position from Flink: point at the statement.
            return new SqlError(text + "\n" + excerpt(script, statement.line(), statement.column(), firstLine),
                    0, 0, failure);
        }
        return new SqlError(text + "\n" + excerpt(script, errorLine, errorColumn, firstLine),
                errorLine + firstLine - 1, errorColumn, failure);
    }

    /** Flink's message, and the root cause's when it says something more. */
    private static String describe(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootMessage = root.getMessage();
        if (root != failure && rootMessage != null && !message.contains(rootMessage.strip())) {
            message = message + "\nCaused by: " + rootMessage.strip();
        }
        return message.strip();
    }

    private static String shorten(String message) {
        String[] lines = message.split("\n", -1);
        if (lines.length <= MAX_MESSAGE_LINES) {
            return message;
        }
        return String.join("\n", java.util.Arrays.copyOf(lines, MAX_MESSAGE_LINES))
                + "\n    ... (" + (lines.length - MAX_MESSAGE_LINES) + " more lines)";
    }

    /** The script line with a caret under the column, numbered as in the cell. */
    private static String excerpt(SqlScript.LineStarts script, int line, int column, int firstLine) {
        String number = String.valueOf(line + firstLine - 1);
        String source = script.line(line);
        String pad = " ".repeat(number.length());
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1 && i < source.length(); i++) {
            caret.append(source.charAt(i) == '\t' ? '\t' : ' ');
        }
        return number + " | " + source + "\n" + pad + " | " + caret + "^";
    }
}
