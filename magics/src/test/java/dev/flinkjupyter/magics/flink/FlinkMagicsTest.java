package dev.flinkjupyter.magics.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkjupyter.display.Display;
import dev.flinkjupyter.display.Renderers;
import dev.flinkjupyter.engine.SqlMode;
import dev.flinkjupyter.magics.MagicCall;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Magics;
import dev.flinkjupyter.magics.TestSession;
import dev.flinkjupyter.magics.UsageException;
import org.apache.flink.table.api.TableResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code %flink}, {@code %tables}, {@code %describe}, {@code %jobs} and {@code %cancel} on a real engine. */
class FlinkMagicsTest {
    private static final Magics MAGICS = Magics.load();
    private static TestSession session;

    @BeforeAll
    static void start() {
        session = new TestSession();
        session.engine().sql().execute("CREATE TABLE sales (id INT, amount DOUBLE, ts TIMESTAMP(3),"
                + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen',"
                + " 'number-of-rows' = '5');\n"
                + "CREATE TEMPORARY VIEW big_sales AS SELECT id FROM sales WHERE amount > 10");
    }

    @AfterAll
    static void stop() {
        session.engine().reset();
        session.close();
    }

    @AfterEach
    void back() throws Exception {
        line("flink", "reset");
        session.engine().cancelRunningJobs();
    }

    private static String line(String name, String arguments) throws Exception {
        return String.valueOf(MAGICS.run(session, new MagicCall(name, false, arguments, "", 1)));
    }

    @Test
    void statusShowsModeParallelismSlotsAndTheWebUi() throws Exception {
        String status = line("flink", "status");

        assertThat(status).contains("mode **auto**", "parallelism **1**", "task slots **4**", "http://127.0.0.1:");
        assertThat(line("flink", "")).isEqualTo(status);
    }

    @Test
    void modeParallelismAndSetChangeTheEngineAndResetUndoesThem() throws Exception {
        line("flink", "mode streaming");
        line("flink", "parallelism 2");
        line("flink", "set pipeline.auto-watermark-interval=50ms display.max-rows=7");

        assertThat(session.engine().sql().mode()).isEqualTo(SqlMode.STREAMING);
        assertThat(session.engine().environment().getParallelism()).isEqualTo(2);
        assertThat(Display.renderers().maxRows()).isEqualTo(7);
        assertThat(line("flink", "status")).contains("mode **streaming**", "parallelism **2**",
                "| pipeline.auto-watermark-interval | 50ms |", "| display.max-rows | 7 |");

        line("flink", "reset");

        assertThat(session.engine().sql().mode()).isEqualTo(SqlMode.AUTO);
        assertThat(session.engine().environment().getParallelism()).isEqualTo(1);
        assertThat(Display.renderers().maxRows()).isEqualTo(Renderers.DEFAULT_MAX_ROWS);
        assertThat(line("flink", "status")).contains("Settings: defaults");
    }

    @Test
    void badFlinkArgumentsSayWhatWasWrong() {
        assertThatThrownBy(() -> line("flink", "mode fast")).isInstanceOf(MagicException.class)
                .hasMessageContaining("Unknown SQL mode 'fast': expected auto, batch or streaming");
        assertThatThrownBy(() -> line("flink", "parallelism 99")).hasMessageContaining("task slots");
        assertThatThrownBy(() -> line("flink", "parallelism two")).hasMessageContaining("'two' is not a whole number");
        assertThatThrownBy(() -> line("flink", "set nothing")).hasMessageContaining("expected KEY=VALUE");
        assertThatThrownBy(() -> line("flink", "set parallelism.default=lots")).isInstanceOf(MagicException.class);
        assertThatThrownBy(() -> line("flink", "launch")).isInstanceOf(UsageException.class);
    }

    @Test
    void tablesListsKindSourceAndColumns() throws Exception {
        String tables = line("tables", "");

        assertThat(tables).contains("| sales | table | datagen | id INT, amount DOUBLE, ts TIMESTAMP(3) |");
        assertThat(tables).contains("| big_sales | temporary view | query | id INT |");
    }

    @Test
    void describeShowsSchemaWatermarkAndSource() throws Exception {
        String sales = line("describe", "sales");

        assertThat(sales).contains("**default_catalog.default_database.sales**: table");
        assertThat(sales).contains("| ts | TIMESTAMP(3) |  | `ts` - INTERVAL '1' SECOND |");
        assertThat(sales).contains("| connector | datagen |", "| number-of-rows | 5 |");
        assertThat(line("describe", "big_sales")).contains("temporary view", "SELECT");
    }

    @Test
    void describeOfAnUnknownTableListsTheTables() {
        assertThatThrownBy(() -> line("describe", "sails")).isInstanceOf(MagicException.class)
                .hasMessageContaining("unknown table 'sails'; tables: big_sales, sales");
    }

    @Test
    void jobsListsAndCancelStopsAJob() throws Exception {
        session.engine().sql().execute("CREATE TEMPORARY TABLE IF NOT EXISTS endless (n INT)"
                + " WITH ('connector' = 'datagen', 'rows-per-second' = '5')");
        TableResult running = session.engine().sql().execute("SELECT n FROM endless").result();
        String id = running.getJobClient().orElseThrow().getJobID().toHexString();
        running.collect().next(); // cancelling a collect job before its sink opened can take Flink's task manager down

        assertThat(line("jobs", "--running")).contains("| " + id + " |");
        assertThat(line("cancel", id)).isEqualTo("Job " + id + ": CANCELED");
        assertThat(line("jobs", "")).contains("| " + id + " |", "CANCELED");
    }

    @Test
    void cancelOfAnUnknownJobSaysSo() {
        assertThatThrownBy(() -> line("cancel", "0123456789abcdef0123456789abcdef")).isInstanceOf(MagicException.class)
                .hasMessageContaining("No job with id 0123456789abcdef0123456789abcdef");
        assertThatThrownBy(() -> line("cancel", "42")).hasMessageContaining("Not a Flink job id: '42'");
        assertThatThrownBy(() -> line("cancel", "")).isInstanceOf(UsageException.class);
    }
}
