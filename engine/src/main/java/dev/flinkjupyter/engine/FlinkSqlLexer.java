package dev.flinkjupyter.engine;

import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;

/**
 * Flink's own SQL tokenizer, so that a script is split exactly where Flink's parser sees a {@code ;}:
 * not inside strings, quoted identifiers or comments. The tokenizer lives in the planner, which Flink
 * loads behind a class loader of its own (flink-table-planner-loader), so it is reached by reflection
 * through the loader of the planner's {@code Parser}.
 */
final class FlinkSqlLexer {
    private static final String PACKAGE = "org.apache.flink.sql.parser.impl.";

    /** A token's kind (see {@link #kind(String)}) and where it begins and ends (inclusive), lines and columns from 1. */
    record Token(int kind, int line, int column, int endLine, int endColumn) {}

    /**
     * The tokens of a script.
     *
     * @param complete false when a lexical error (an unclosed string or comment) stopped the tokenizer:
     *     the tokens are those before it
     */
    record Tokens(List<Token> tokens, boolean complete) {}

    private final Constructor<?> charStream;
    private final Method setTabSize;
    private final Constructor<?> tokenManager;
    private final Method switchTo;
    private final Method nextToken;
    private final Field kind;
    private final Field beginLine;
    private final Field beginColumn;
    private final Field endLine;
    private final Field endColumn;
    private final Class<?> constants;
    private final int backtickState;

    private FlinkSqlLexer(ClassLoader planner) throws ReflectiveOperationException {
        Class<?> stream = Class.forName(PACKAGE + "SimpleCharStream", true, planner);
        Class<?> manager = Class.forName(PACKAGE + "FlinkSqlParserImplTokenManager", true, planner);
        Class<?> token = Class.forName(PACKAGE + "Token", true, planner);
        constants = Class.forName(PACKAGE + "FlinkSqlParserImplConstants", true, planner);
        charStream = stream.getConstructor(java.io.Reader.class, int.class, int.class);
        setTabSize = stream.getDeclaredMethod("setTabSize", int.class);
        setTabSize.setAccessible(true);
        tokenManager = manager.getConstructor(stream);
        switchTo = manager.getMethod("SwitchTo", int.class);
        nextToken = manager.getMethod("getNextToken");
        kind = token.getField("kind");
        beginLine = token.getField("beginLine");
        beginColumn = token.getField("beginColumn");
        endLine = token.getField("endLine");
        endColumn = token.getField("endColumn");
        // Flink's SQL quotes identifiers with backticks (Lex.JAVA): the lexical state its parser uses.
        backtickState = constants.getField("BTID").getInt(null);
    }

    /** The lexer of the planner behind this table environment. */
    static FlinkSqlLexer of(TableEnvironment environment) {
        ClassLoader planner = ((TableEnvironmentInternal) environment).getParser().getClass().getClassLoader();
        try {
            return new FlinkSqlLexer(planner);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Flink's SQL tokenizer is not where flink-table-planner 2.x keeps it", e);
        }
    }

    /** The kind number of a token named as in Flink's grammar, e.g. {@code SEMICOLON}. */
    int kind(String name) {
        try {
            return constants.getField(name).getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Flink's SQL grammar has no token " + name, e);
        }
    }

    /** Every token of the script up to its end or its first lexical error, comments left out. */
    Tokens tokens(String script) {
        List<Token> tokens = new ArrayList<>();
        try {
            Object stream = charStream.newInstance(new StringReader(script), 1, 1);
            setTabSize.invoke(stream, 1); // as Flink's parser counts columns: a tab is one column
            Object manager = tokenManager.newInstance(stream);
            switchTo.invoke(manager, backtickState);
            while (true) {
                Object token = nextToken.invoke(manager);
                int tokenKind = kind.getInt(token);
                if (tokenKind == 0) { // EOF
                    return new Tokens(tokens, true);
                }
                tokens.add(new Token(tokenKind, beginLine.getInt(token), beginColumn.getInt(token),
                        endLine.getInt(token), endColumn.getInt(token)));
            }
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof Error lexical && lexical.getClass().getSimpleName().equals("TokenMgrError")) {
                return new Tokens(tokens, false);
            }
            throw new IllegalStateException("Flink's SQL tokenizer failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Flink's SQL tokenizer cannot be called", e);
        }
    }
}
