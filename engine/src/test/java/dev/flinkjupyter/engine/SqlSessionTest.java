package dev.flinkjupyter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SQL scripts on one engine: one catalog, two modes, errors located in the cell. */
class SqlSessionTest {
    private static final String ENDLESS = "CREATE TEMPORARY TABLE IF NOT EXISTS endless (id INT) WITH ("
            + "'connector' = 'datagen', 'fields.id.min' = '1', 'fields.id.max' = '3', 'rows-per-second' = '20')";

    private static FlinkEngine engine;
    private static SqlSession sql;
    private static Path data;

    @BeforeAll
    static void startEngine() throws Exception {
        Path tmp = Files.createTempDirectory("flink-sql-test-");
        engine = FlinkEngine.create(EngineOptions.of(tmp).withParallelism(1));
        sql = engine.sql();
        data = Files.createTempDirectory(tmp, "data-");
        Files.writeString(data.resolve("words.csv"), "a,1\nb,2\na,3\n");
        sql.execute("CREATE TABLE words (w STRING, n INT) WITH ('connector' = 'filesystem', 'path' = '"
                + data.resolve("words.csv").toUri() + "', 'format' = 'csv')");
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @AfterEach
    void back() {
        engine.reset();
        engine.cancelRunningJobs();
    }

    private static List<String> rows(SqlResult result) throws Exception {
        return rows(result.result());
    }

    private static List<String> rows(TableResult result) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            it.forEachRemaining(row -> rows.add(row.toString()));
        }
        return rows;
    }

    @Test
    void aBoundedQueryRunsInBatchModeAndGivesFinalRows() throws Exception {
        SqlResult result = sql.execute("SELECT w, SUM(n) AS total FROM words GROUP BY w");

        assertThat(result.mode()).isEqualTo(SqlMode.BATCH);
        assertThat(result.modeNote()).isEqualTo("batch mode (all sources are bounded)");
        assertThat(rows(result)).containsExactlyInAnyOrder("+I[a, 4]", "+I[b, 2]");
    }

    @Test
    void anUnboundedQueryRunsInStreamingModeAndSaysWhy() throws Exception {
        sql.execute(ENDLESS);
        SqlResult result = sql.execute("SELECT id FROM endless");

        assertThat(result.mode()).isEqualTo(SqlMode.STREAMING);
        assertThat(result.reason()).contains("a source is unbounded");
        try (CloseableIterator<Row> rows = result.result().collect()) {
            assertThat(rows.next().getField(0)).isIn(1, 2, 3);
        }
    }

    @Test
    void batchModeRefusesAnUnboundedSourceWithFlinksReason() {
        sql.execute(ENDLESS);
        sql.mode(SqlMode.BATCH);

        assertThatThrownBy(() -> sql.execute("SELECT id FROM endless"))
                .isInstanceOf(SqlError.class)
                .hasMessageContaining("unbounded table");
    }

    @Test
    void streamingModeRunsABoundedQueryAsAChangelog() throws Exception {
        sql.execute("SET 'execution.runtime-mode' = 'streaming'");
        SqlResult result = sql.execute("SELECT w, SUM(n) AS total FROM words GROUP BY w");

        assertThat(sql.mode()).isEqualTo(SqlMode.STREAMING);
        assertThat(result.mode()).isEqualTo(SqlMode.STREAMING);
        assertThat(rows(result)).contains("-U[a, 1]", "+U[a, 4]");
    }

    @Test
    void theNotebooksTableEnvironmentAndSqlShareOneCatalog() throws Exception {
        engine.tableEnvironment().executeSql("CREATE VIEW from_tenv AS SELECT w FROM words WHERE n > 1");
        sql.execute("CREATE TEMPORARY VIEW from_sql AS SELECT n FROM words");

        assertThat(engine.tableEnvironment()).isSameAs(sql.batch());
        assertThat(rows(sql.streaming().executeSql("SELECT * FROM from_tenv"))).containsExactlyInAnyOrder("+I[b]", "+I[a]");
        assertThat(rows(sql.batch().executeSql("SELECT COUNT(*) FROM from_sql"))).containsExactly("+I[3]");
        assertThat(rows(sql.streaming().executeSql("SELECT COUNT(*) FROM from_sql"))).contains("+U[3]");
        assertThat(engine.tableEnvironment().getCurrentCatalog()).isEqualTo("default_catalog");
        assertThat(engine.tableEnvironment().listCatalogs()).containsExactly("default_catalog");
    }

    @Test
    void aScriptRunsEveryStatementAndShowsItsLastQuery() throws Exception {
        Path out = Files.createTempDirectory(data, "out-");
        SqlResult result = sql.execute("""
                CREATE TABLE copy (w STRING, n INT) WITH (
                  'connector' = 'filesystem', 'path' = '%s', 'format' = 'csv');
                INSERT INTO copy SELECT w, n * 10 FROM words; -- awaited: the query below sees its rows
                SELECT SUM(n) AS total FROM copy;
                SHOW TABLES
                """.formatted(out.toUri()));

        assertThat(result.isQuery()).isTrue();
        assertThat(result.statement().line()).isEqualTo(4);
        assertThat(rows(result)).containsExactly("+I[60]");
        assertThat(rows(sql.execute("SHOW TABLES;"))).contains("+I[copy]", "+I[words]");
    }

    @Test
    void showDescribeAndExplainGiveRows() throws Exception {
        assertThat(rows(sql.execute("DESCRIBE words"))).hasSize(2);
        assertThat(rows(sql.execute("EXPLAIN SELECT w FROM words")).get(0)).contains("TableSourceScan");
    }

    @Test
    void aSyntaxErrorIsLocatedInTheCellWithTheLineAndACaret() {
        String cell = "SELECT 1;\n\nSELECT w,\n  FROM words";

        assertThatThrownBy(() -> sql.execute(cell, 2))
                .isInstanceOf(SqlError.class)
                .hasMessageContaining("at line 5, column 3")
                .hasMessageContaining("5 |   FROM words\n  |   ^")
                .satisfies(e -> {
                    assertThat(((SqlError) e).line()).hasValue(5);
                    assertThat(((SqlError) e).column()).hasValue(3);
                });
    }

    @Test
    void anUnknownTableOrColumnKeepsFlinksWordsAndGetsTheCellPosition() {
        assertThatThrownBy(() -> sql.execute("SELECT 1;\n  SELECT * FROM nope"))
                .isInstanceOf(SqlError.class)
                .hasMessageContaining("line 2, column 17")
                .hasMessageContaining("Object 'nope' not found");
        assertThatThrownBy(() -> sql.execute("SELECT wrd FROM words"))
                .hasMessageContaining("Column 'wrd' not found")
                .hasMessageContaining("line 1, column 8");
    }

    @Test
    void setAppliesToLaterJobsOfEveryEnvironmentAndResetRestoresTheDefault() throws Exception {
        sql.execute("SET 'parallelism.default' = '3'");

        assertThat(engine.environment().getParallelism()).isEqualTo(3);
        assertThat(engine.status().parallelism()).isEqualTo(3);
        assertThat(rows(sql.execute("SET"))).contains("+I[parallelism.default, 3]");

        sql.execute("SET 'execution.runtime-mode' = 'batch'");
        assertThat(sql.mode()).isEqualTo(SqlMode.BATCH);
        sql.execute("RESET");

        assertThat(sql.mode()).isEqualTo(SqlMode.AUTO);

        assertThat(engine.environment().getParallelism()).isEqualTo(1);
        assertThat(engine.status().settings()).isEmpty();
    }

    @Test
    void parallelismMustFitTheSlots() {
        assertThatThrownBy(() -> engine.setParallelism(0)).hasMessageContaining("between 1 and");
        assertThatThrownBy(() -> engine.setParallelism(999)).hasMessageContaining("task slots");
        assertThatThrownBy(() -> engine.set("parallelism.default", "many")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusTellsTheModeSlotsWebUiAndRunningJobs() throws Exception {
        engine.setParallelism(2);
        sql.execute(ENDLESS);
        SqlResult running = sql.execute("SELECT id FROM endless");
        CloseableIterator<Row> rows = running.result().collect();
        rows.next(); // cancelling a collect job before its sink opened can take Flink's task manager down

        EngineStatus status = engine.status();

        assertThat(status.mode()).isEqualTo(SqlMode.AUTO);
        assertThat(status.parallelism()).isEqualTo(2);
        assertThat(status.taskSlots()).isEqualTo(engine.options().taskSlots());
        assertThat(status.webUi()).isPresent();
        assertThat(status.runningJobs()).extracting(JobInfo::id)
                .contains(running.result().getJobClient().orElseThrow().getJobID().toHexString());
        rows.close();
    }

    @Test
    void aQueryBeforeTheLastIsCheckedButRunsNoJob() throws Exception {
        engine.environment().fromData(1).executeAndCollect(1); // the cluster runs, and lists its jobs
        int before = engine.jobs().size();

        SqlResult result = sql.execute("SELECT w FROM words; SELECT n FROM words WHERE n > 2");

        assertThat(rows(result)).containsExactly("+I[3]");
        assertThat(engine.jobs()).hasSize(before + 1);
        assertThatThrownBy(() -> sql.execute("SELECT nope FROM words;\nSELECT 1"))
                .hasMessageContaining("Column 'nope' not found")
                .hasMessageContaining("line 1, column 8");
    }
}
