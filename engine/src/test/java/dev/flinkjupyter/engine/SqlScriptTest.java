package dev.flinkjupyter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scripts split where Flink's tokenizer sees a semicolon; no cluster needed. */
class SqlScriptTest {
    private static SqlScript script;

    @BeforeAll
    static void lexer() {
        // Only the planner's tokenizer is used: the environment never runs a job.
        StreamExecutionEnvironment unused = new StreamExecutionEnvironment(new Configuration());
        script = new SqlScript(FlinkSqlLexer.of(StreamTableEnvironment.create(unused, EnvironmentSettings.inBatchMode())));
    }

    private static List<String> texts(String sql) {
        return script.split(sql).stream().map(SqlStatement::text).toList();
    }

    @Test
    void splitsAtSemicolonsAndKeepsWhereEachStatementStarts() {
        List<SqlStatement> statements = script.split("CREATE TABLE t (a INT);\n  SELECT a\n  FROM t;\nSHOW TABLES");

        assertThat(statements).containsExactly(
                new SqlStatement("CREATE TABLE t (a INT)", 1, 1),
                new SqlStatement("SELECT a\n  FROM t", 2, 3),
                new SqlStatement("SHOW TABLES", 4, 1));
    }

    @Test
    void semicolonsInStringsIdentifiersAndCommentsDoNotSplit() {
        String sql = """
                -- a comment; with a semicolon
                SELECT 'a;b' AS `x;y`, /* c; d */ 1;
                SELECT ';' -- trailing; comment
                """;

        assertThat(texts(sql)).containsExactly(
                "SELECT 'a;b' AS `x;y`, /* c; d */ 1",
                "SELECT ';'");
    }

    @Test
    void escapedQuoteInsideAStringStaysInTheString() {
        assertThat(texts("SELECT 'it''s; fine'; SELECT 2")).containsExactly("SELECT 'it''s; fine'", "SELECT 2");
    }

    @Test
    void emptyStatementsAndCommentOnlyScriptsGiveNothing() {
        assertThat(texts(";;  ;\n-- only a comment\n/* and another */")).isEmpty();
    }

    @Test
    void aStatementSetIsOneStatement() {
        String sql = "EXECUTE STATEMENT SET BEGIN\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT CASE WHEN 1 = 1 THEN 2 END;\nEND;\nSELECT 3";

        assertThat(texts(sql)).containsExactly(
                "EXECUTE STATEMENT SET BEGIN\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT CASE WHEN 1 = 1 THEN 2 END;\nEND",
                "SELECT 3");
    }

    @Test
    void anUnclosedCommentRunsToTheEndSoFlinksParserReportsIt() {
        List<SqlStatement> statements = script.split("SELECT 1;\nSELECT /* open; SELECT 2");

        assertThat(statements).containsExactly(
                new SqlStatement("SELECT 1", 1, 1),
                new SqlStatement("SELECT /* open; SELECT 2", 2, 1));
    }

    @Test
    void positionsInAStatementMapToTheScript() {
        SqlStatement statement = new SqlStatement("SELECT a\nFROM t", 3, 5);

        assertThat(statement.inScript(1, 8)).isEqualTo(new SqlStatement.Position(3, 12));
        assertThat(statement.inScript(2, 6)).isEqualTo(new SqlStatement.Position(4, 6));
    }
}
