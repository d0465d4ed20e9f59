package dev.flinkjupyter.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL script (a cell) split into statements at the {@code ;} that Flink's own tokenizer sees: a
 * {@code ;} inside a string, a quoted identifier or a comment does not split, and neither does one
 * inside {@code EXECUTE STATEMENT SET BEGIN ... END}. Statements that hold only comments are dropped.
 */
final class SqlScript {
    private final FlinkSqlLexer lexer;
    private final int semicolon;
    private final int set;
    private final int begin;
    private final int end;
    private final int caseKeyword;
    private final java.util.Set<Integer> queryStarts;

    SqlScript(FlinkSqlLexer lexer) {
        this.lexer = lexer;
        this.semicolon = lexer.kind("SEMICOLON");
        this.set = lexer.kind("SET");
        this.begin = lexer.kind("BEGIN");
        this.end = lexer.kind("END");
        this.caseKeyword = lexer.kind("CASE");
        this.queryStarts = java.util.Set.of(
                lexer.kind("SELECT"), lexer.kind("WITH"), lexer.kind("VALUES"), lexer.kind("LPAREN"));
    }

    /** Whether a statement is a query by its first word (SELECT, WITH, VALUES or a parenthesis). */
    boolean isQuery(SqlStatement statement) {
        List<FlinkSqlLexer.Token> tokens = lexer.tokens(statement.text()).tokens();
        return !tokens.isEmpty() && queryStarts.contains(tokens.get(0).kind());
    }

    /**
     * The statements of the script, in order. When the script has a lexical error (an unclosed string
     * or comment), the statement where it occurs runs to the end of the script, so that Flink's parser
     * reports the error with its position.
     */
    List<SqlStatement> split(String script) {
        LineStarts lines = new LineStarts(script);
        FlinkSqlLexer.Tokens lexed = lexer.tokens(script);
        List<FlinkSqlLexer.Token> tokens = lexed.tokens();
        List<SqlStatement> statements = new ArrayList<>();
        FlinkSqlLexer.Token first = null;
        FlinkSqlLexer.Token last = null;
        int depth = 0; // inside a statement set's BEGIN ... END, or a CASE ... END
        int previousKind = -1;
        for (FlinkSqlLexer.Token token : tokens) {
            if (token.kind() == semicolon && depth == 0) {
                if (first != null) {
                    statements.add(statement(script, lines, first, lines.offsetAfter(last)));
                }
                first = null;
                last = null;
            } else {
                if ((token.kind() == begin && previousKind == set) || token.kind() == caseKeyword) {
                    depth++;
                } else if (token.kind() == end && depth > 0) {
                    depth--;
                }
                if (first == null) {
                    first = token;
                }
                last = token;
            }
            previousKind = token.kind();
        }
        if (!lexed.complete()) {
            // From the statement being read, or from the last semicolon, to the end.
            int start = first != null
                    ? lines.offset(first.line(), first.column())
                    : tokens.isEmpty() ? 0 : lines.offsetAfter(tokens.get(tokens.size() - 1));
            String rest = script.substring(start).strip();
            if (!rest.isEmpty()) {
                int from = script.indexOf(rest, start);
                statements.add(new SqlStatement(rest, lines.lineOf(from), lines.columnOf(from)));
            }
        } else if (first != null) {
            statements.add(statement(script, lines, first, lines.offsetAfter(last)));
        }
        return statements;
    }

    private static SqlStatement statement(String script, LineStarts lines, FlinkSqlLexer.Token first, int endOffset) {
        int start = lines.offset(first.line(), first.column());
        return new SqlStatement(script.substring(start, endOffset), first.line(), first.column());
    }

    /** Converts between lines and columns (from 1, as Flink's tokenizer counts them) and offsets in the script. */
    static final class LineStarts {
        private final String script;
        private final List<Integer> starts = new ArrayList<>();

        LineStarts(String script) {
            this.script = script;
            starts.add(0);
            for (int i = 0; i < script.length(); i++) {
                char c = script.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= script.length() || script.charAt(i + 1) != '\n'))) {
                    starts.add(i + 1);
                }
            }
        }

        int offset(int line, int column) {
            int index = Math.min(Math.max(line, 1), starts.size()) - 1;
            return Math.min(starts.get(index) + Math.max(column, 1) - 1, script.length());
        }

        int offsetAfter(FlinkSqlLexer.Token token) {
            return offset(token.endLine(), token.endColumn()) + 1;
        }

        int lineOf(int offset) {
            int line = 1;
            while (line < starts.size() && starts.get(line) <= offset) {
                line++;
            }
            return line;
        }

        int columnOf(int offset) {
            return offset - starts.get(lineOf(offset) - 1) + 1;
        }

        /** The text of a line, without its line break; empty past the end. */
        String line(int line) {
            if (line < 1 || line > starts.size()) {
                return "";
            }
            int from = starts.get(line - 1);
            int to = line < starts.size() ? starts.get(line) : script.length();
            return script.substring(from, to).replaceAll("[\r\n]+$", "");
        }
    }
}
