package dev.flinkjupyter.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.display.Renderers;
import dev.flinkjupyter.engine.EngineOptions;
import dev.flinkjupyter.engine.FlinkEngine;
import dev.flinkjupyter.engine.JobInfo;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flink's values as a notebook shows them, rendered from real results of one shared engine. */
class FlinkRenderersTest {

    private static final String PEOPLE =
            "SELECT * FROM (VALUES (1, 'a', CAST(NULL AS DOUBLE)), (2, '<b>x</b>', 2.5)) AS t(id, name, score)";

    private static FlinkEngine engine;
    private static StreamTableEnvironment batch;
    private static TableEnvironment streaming;

    private Renderers renderers;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = FlinkEngine.create(EngineOptions.of(Files.createTempDirectory("flink-render-test-")));
        batch = engine.tableEnvironment();
        streaming = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @BeforeEach
    void installedRenderers() {
        // Flink's renderers come in through META-INF/services, as in the kernel.
        renderers = Renderers.withInstalledProviders();
    }

    @Test
    void tableResultIsATableWithFlinksNamesAndTypes() {
        MimeBundle bundle = renderers.render(batch.executeSql(PEOPLE));

        Html html = Html.of(bundle);
        assertThat(html.names()).containsExactly("id", "name", "score");
        assertThat(html.types().get(0)).isEqualTo("INT NOT NULL");
        assertThat(html.types().get(1)).contains("CHAR");
        assertThat(html.types().get(2)).isEqualTo("DOUBLE");
        assertThat(html.rows()).containsExactlyInAnyOrder(List.of("1", "a", "NULL"), List.of("2", "<b>x</b>", "2.5"));
        assertThat(html.source()).doesNotContain("<b>x</b>").contains("&lt;b&gt;x&lt;/b&gt;").contains("2 rows");
        assertThat(html.firstRowClasses()).containsExactly("fj-num", "", "fj-num");
        assertThat(html.source()).contains("<span class=\"fj-null\">NULL</span>");
        assertThat((String) bundle.get(MimeBundle.TEXT)).contains("INT NOT NULL").contains("<b>x</b>").endsWith("2 rows");
    }

    @Test
    void unboundedResultShowsItsFirstRowsAndEnds() throws InterruptedException {
        streaming.executeSql("CREATE TEMPORARY TABLE numbers (n BIGINT, label STRING) WITH ("
                + "'connector' = 'datagen', 'rows-per-second' = '50', 'fields.label.length' = '4')");
        renderers.setMaxRows(5);

        MimeBundle bundle = renderers.render(streaming.executeSql("SELECT n, label FROM numbers"));

        Html html = Html.of(bundle);
        assertThat(html.rows()).hasSize(5);
        assertThat(html.types()).containsExactly("BIGINT", "STRING");
        assertThat(html.source()).contains("showing 5 of at least 6 rows");
        assertThat((String) bundle.get(MimeBundle.TEXT)).endsWith("showing 5 of at least 6 rows");
        assertNoJobKeepsRunning();
    }

    /** Closing a collect iterator cancels its job; cancelling takes a moment. */
    private static void assertNoJobKeepsRunning() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (engine.jobs().stream().anyMatch(job -> !job.isTerminal()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(engine.jobs()).allMatch(JobInfo::isTerminal);
    }

    @Test
    void unboundedTableIsLimitedToo() throws InterruptedException {
        streaming.executeSql("CREATE TEMPORARY TABLE IF NOT EXISTS ticks (n BIGINT) WITH ("
                + "'connector' = 'datagen', 'rows-per-second' = '50')");
        renderers.setMaxRows(5);

        Html html = Html.of(renderers.render(streaming.from("ticks")));

        assertThat(html.rows()).hasSize(5);
        assertThat(html.source()).contains("showing 5 of at least 6 rows");
        assertNoJobKeepsRunning();
    }

    @Test
    void boundedDataStreamShowsItsElementsAsATable() {
        renderers.setMaxRows(2);

        MimeBundle bundle = renderers.render(engine.environment()
                .fromData(Tuple2.of("a", 1), Tuple2.of("<b>", 2), Tuple2.of("c", 3)));

        Html html = Html.of(bundle);
        assertThat(html.names()).containsExactly("f0", "f1");
        assertThat(html.types()).containsExactly("String", "Integer");
        assertThat(html.rows()).containsExactly(List.of("a", "1"), List.of("<b>", "2"));
        assertThat(html.source()).contains("&lt;b&gt;").contains("showing 2 of at least 3 rows");
        assertThat((String) bundle.get(MimeBundle.TEXT)).startsWith("f0").endsWith("showing 2 of at least 3 rows");
    }

    @Test
    void longBoundedDataStreamShowsItsFirstElementsAndEnds() throws InterruptedException {
        renderers.setMaxRows(3);
        DataStream<Long> squares = engine.environment().fromSequence(1, 10_000_000).map(n -> n * n);

        assertThat(renderers.live(squares)).as("its source is bounded").isEmpty();
        MimeBundle bundle = renderers.render(squares);

        // which squares come first depends on the parallelism: only how many is fixed
        assertThat((String) bundle.get(MimeBundle.TEXT)).matches("\\[\\d+, \\d+, \\d+\\]\n\\(showing 3 of at least 4 elements\\)");
        assertNoJobKeepsRunning();
    }

    @Test
    void dataStreamOfAStreamingTableIsUnboundedAndShownLive() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(); // on the engine
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        StreamTableEnvironment streamingBridge = StreamTableEnvironment.create(env);
        streamingBridge.executeSql("CREATE TEMPORARY TABLE IF NOT EXISTS ticks (n BIGINT) WITH ("
                + "'connector' = 'datagen', 'rows-per-second' = '50')");
        DataStream<Row> ticks = streamingBridge.toDataStream(streamingBridge.from("ticks"));

        assertThat(DataStreamRenderer.isBounded(ticks)).isFalse();
        assertThat(DataStreamRenderer.isBounded(engine.environment().fromSequence(1, 3))).isTrue();
    }

    @Test
    void flinkTableAsTablesawKeepsTypesAndNullsForCharts() {
        Table typed = batch.sqlQuery("SELECT id, name, score, CAST('2024-01-0' || CAST(id AS STRING) AS DATE) AS d"
                + " FROM (" + PEOPLE + ")");

        tech.tablesaw.api.Table table = TablesawTables.of(typed);

        assertThat(table.columnNames()).containsExactly("id", "name", "score", "d");
        assertThat(table.doubleColumn("id").asList()).containsExactlyInAnyOrder(1.0, 2.0);
        assertThat(table.doubleColumn("score").countMissing()).isEqualTo(1);
        assertThat(table.dateColumn("d").get(0).getYear()).isEqualTo(2024);
        assertThat(table.stringColumn("name").asList()).containsExactlyInAnyOrder("a", "<b>x</b>");
        assertThat(renderers.render(dev.flinkjupyter.display.Charts.line(table, "id", "score")).data())
                .containsKey(MimeBundle.PNG);
        assertThat(TablesawTables.of(typed, 1).rowCount()).isEqualTo(1);
    }

    @Test
    void thousandRowsOfABiggerResult() {
        batch.executeSql("CREATE TEMPORARY TABLE many (id BIGINT, name STRING, score DOUBLE) WITH ("
                + "'connector' = 'datagen', 'number-of-rows' = '5000', 'fields.name.length' = '12')");
        Table many = batch.from("many");
        renderers.render(many);

        long start = System.nanoTime();
        MimeBundle bundle = renderers.render(many);
        long millis = (System.nanoTime() - start) / 1_000_000;

        Html html = Html.of(bundle);
        assertThat(html.rows()).hasSize(Renderers.DEFAULT_MAX_ROWS);
        assertThat(html.source()).contains("showing 1000 of at least 1001 rows");
        System.out.printf("[render] Flink Table, first 1000 of 5000 rows (job included): %d ms, HTML %d KB%n",
                millis, html.source().length() / 1024);
    }

    @Test
    void tableIsRunWithTheLimitAndShowsItsSchema() {
        Table table = batch.fromValues(Row.of(1, "one"), Row.of(2, "two"), Row.of(3, "three")).as("id", "word");

        Html html = Html.of(renderers.render(table));

        assertThat(html.names()).containsExactly("id", "word");
        assertThat(html.types().get(0)).startsWith("INT");
        assertThat(html.rows()).containsExactly(List.of("1", "one"), List.of("2", "two"), List.of("3", "three"));
        assertThat(html.source()).contains("3 rows");

        renderers.setMaxRows(2);
        Html cut = Html.of(renderers.render(table));
        assertThat(cut.rows()).hasSize(2);
        assertThat(cut.source()).contains("showing 2 of at least 3 rows");
    }

    @Test
    void tableThatAlreadyHasALimitStillRenders() {
        Table table = batch.sqlQuery("SELECT * FROM (VALUES (1), (2), (3)) AS t(x) ORDER BY x LIMIT 2");

        assertThat(Html.of(renderers.render(table)).rows()).containsExactly(List.of("1"), List.of("2"));
    }

    @Test
    void ddlAnswersOk() {
        MimeBundle bundle = renderers.render(batch.executeSql("CREATE TEMPORARY VIEW v AS SELECT 1 AS x"));

        assertThat(bundle.data()).containsOnlyKeys(MimeBundle.TEXT);
        assertThat(bundle.get(MimeBundle.TEXT)).isEqualTo("OK");
    }

    @Test
    void insertShowsItsJobWithoutWaitingForIt() throws Exception {
        batch.executeSql("CREATE TEMPORARY TABLE sink (n INT) WITH ('connector' = 'blackhole')");

        TableResult insert = batch.executeSql("INSERT INTO sink VALUES (1), (2)");
        MimeBundle bundle = renderers.render(insert);

        assertThat((String) bundle.get(MimeBundle.TEXT))
                .startsWith("Job " + insert.getJobClient().orElseThrow().getJobID())
                .contains("writes to default_catalog.default_database.sink");
        insert.await();
    }

    @Test
    void explainIsShownAsText() {
        MimeBundle bundle = renderers.render(batch.executeSql("EXPLAIN PLAN FOR " + PEOPLE));

        assertThat((String) bundle.get(MimeBundle.TEXT)).contains("== Abstract Syntax Tree ==").contains("\n");
        assertThat((String) bundle.get(MimeBundle.HTML)).startsWith("<pre>").contains("&lt;b&gt;x&lt;/b&gt;");
    }

    @Test
    void collectedIteratorOfRowsIsATableAndIsClosed() {
        renderers.setMaxRows(1);
        CloseableIterator<Row> rows = batch.executeSql(PEOPLE).collect();

        MimeBundle bundle = renderers.render(rows);

        Html html = Html.of(bundle);
        assertThat(html.names()).containsExactly("id", "name", "score");
        assertThat(html.types().subList(0, 2)).as("typed by the values read").containsExactly("Integer", "String");
        assertThat(html.source()).contains("showing 1 of at least 2 rows");
        assertThat(rows.hasNext()).as("closed after reading").isFalse();
    }

    @Test
    void listOfRowsUsesFieldNamesOrPositions() {
        List<Row> collected = new ArrayList<>();
        batch.executeSql(PEOPLE).collect().forEachRemaining(collected::add);

        assertThat(Html.of(renderers.render(collected)).names()).containsExactly("id", "name", "score");
        assertThat(Html.of(renderers.render(List.of(Row.of(1, "a"), Row.of(2, "b")))).names()).containsExactly("f0", "f1");
        Row named = Row.withNames();
        named.setField("city", "Oslo");
        named.setField("people", 709_000);
        Html one = Html.of(renderers.render(named));
        assertThat(one.names()).containsExactly("city", "people");
        assertThat(one.rows()).containsExactly(List.of("Oslo", "709000"));
    }

    @Test
    void rowsOfDifferentAritiesStayAList() {
        MimeBundle bundle = renderers.render(List.of(Row.of(1), Row.of(1, 2)));

        assertThat(bundle.data()).containsOnlyKeys(MimeBundle.TEXT);
        assertThat(bundle.get(MimeBundle.TEXT)).isEqualTo("[+I[1], +I[1, 2]]");
    }

    @Test
    void changelogRowsGetAnOpColumn() {
        List<Row> changes = List.of(Row.ofKind(RowKind.INSERT, "a", 1L), Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1L),
                Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L), Row.ofKind(RowKind.DELETE, "a", 2L));

        Html html = Html.of(renderers.render(changes));

        assertThat(html.names()).containsExactly("op", "f0", "f1");
        assertThat(html.rows()).extracting(row -> row.get(0)).containsExactly("+I", "-U", "+U", "-D");
    }

    @Test
    void streamingChangelogResultGetsAnOpColumn() {
        streaming.executeSql("CREATE TEMPORARY VIEW IF NOT EXISTS words AS SELECT * FROM (VALUES ('a'), ('b'), ('a')) AS t(w)");

        Html html = Html.of(renderers.render(streaming.executeSql("SELECT w, COUNT(*) AS c FROM words GROUP BY w")));

        assertThat(html.names()).containsExactly("op", "w", "c");
        assertThat(html.rows()).extracting(row -> row.get(0)).contains("+I", "-U", "+U");
    }

    @Test
    void tuplesCollectedFromADataStreamAreATable() throws Exception {
        List<Tuple2<String, Integer>> pairs = engine.environment()
                .fromData(Tuple2.of("a", 1), Tuple2.of("b", 2))
                .executeAndCollect(10);

        Html html = Html.of(renderers.render(pairs));

        assertThat(html.names()).containsExactly("f0", "f1");
        assertThat(html.rows()).containsExactlyInAnyOrder(List.of("a", "1"), List.of("b", "2"));
    }

    @Test
    void schemaIsATableOfColumns() {
        batch.executeSql("CREATE TEMPORARY TABLE events (id BIGINT NOT NULL, ts TIMESTAMP(3), doubled AS id * 2,"
                + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND, PRIMARY KEY (id) NOT ENFORCED)"
                + " WITH ('connector' = 'datagen')");

        MimeBundle bundle = renderers.render(batch.from("events").getResolvedSchema());

        Html html = Html.of(bundle);
        assertThat(html.names()).containsExactly("column", "type", "null", "extras");
        assertThat(html.rows()).extracting(row -> row.get(0)).containsExactly("id", "ts", "doubled");
        assertThat(html.rows().get(0)).containsExactly("id", "BIGINT", "no", "PRIMARY KEY");
        assertThat(html.rows().get(1).get(3)).startsWith("WATERMARK AS");
        assertThat(html.rows().get(2).get(3)).startsWith("AS ");
        assertThat(html.source()).contains("3 columns");
    }
}
