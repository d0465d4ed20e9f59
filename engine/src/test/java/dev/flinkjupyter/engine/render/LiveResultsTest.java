package dev.flinkjupyter.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkjupyter.display.Display;
import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.display.Renderers;
import dev.flinkjupyter.engine.EngineOptions;
import dev.flinkjupyter.engine.FlinkEngine;
import dev.flinkjupyter.engine.JobInfo;
import dev.flinkjupyter.engine.RecordingDisplay;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streaming results shown live, from real jobs of one engine, into a recording display. */
class LiveResultsTest {
    private static FlinkEngine engine;
    private static StreamTableEnvironment streaming;
    private static RecordingDisplay display;

    @BeforeAll
    static void startEngine() throws Exception {
        // Flink's renderers come in through META-INF/services, as in the kernel; the engine adds the live one.
        display = RecordingDisplay.install(Renderers.withInstalledProviders(), () -> 1);
        engine = FlinkEngine.create(EngineOptions.of(Files.createTempDirectory("flink-live-test-")));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(); // on the engine
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        streaming = StreamTableEnvironment.create(env);
        // 1,000 rows, ids 1..1000 in order; 200 of each id % 5
        streaming.executeSql("CREATE TEMPORARY TABLE numbers (id INT) WITH ('connector' = 'datagen',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1000',"
                + " 'rows-per-second' = '2000')");
        streaming.executeSql("CREATE TEMPORARY TABLE endless (id INT) WITH ('connector' = 'datagen',"
                + " 'fields.id.min' = '1', 'fields.id.max' = '3', 'rows-per-second' = '50')");
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
        RecordingDisplay.uninstall();
    }

    @BeforeEach
    void clean() {
        engine.showFinalProgress();
        display.reset();
    }

    /** The calls of the first output shown that is not a job's progress line. */
    private static List<RecordingDisplay.Call> table() {
        String id = display.calls().stream()
                .filter(c -> c.kind().equals("show") && !c.text().startsWith("Job '"))
                .findFirst().orElseThrow().displayId();
        return display.of(id);
    }

    private static String squeezed(RecordingDisplay.Call call) {
        return call.text().replaceAll(" +", " ");
    }

    @Test
    void aStreamingGroupedCountIsShownLiveAndEndsWithTheRightCounts() {
        TableResult result = streaming.executeSql("SELECT id % 5 AS k, COUNT(*) AS n FROM numbers GROUP BY id % 5");

        Display.display(result);

        List<RecordingDisplay.Call> calls = table();
        assertThat(calls.get(0).kind()).isEqualTo("show");
        assertThat(calls.get(0).text()).contains("k").contains("waiting for the first rows · live");
        assertThat(calls.subList(1, calls.size())).extracting(RecordingDisplay.Call::kind).containsOnly("update");
        String last = squeezed(calls.get(calls.size() - 1));
        assertThat(last).contains("0 | 200").contains("1 | 200").contains("2 | 200").contains("3 | 200")
                .contains("4 | 200").endsWith("5 rows");
        System.out.println("[live] grouped count: " + calls.size() + " outputs");
    }

    @Test
    void theChangelogLookShowsEveryChangeWithItsOp() {
        TableResult result = streaming.executeSql("SELECT id % 2 AS k, COUNT(*) AS n FROM numbers GROUP BY id % 2");

        Display.display(Live.changelog(result).maxRows(5));

        String last = squeezed(table().get(table().size() - 1));
        assertThat(last).startsWith("op | k | n").contains("+U |").contains("-U |")
                .endsWith("showing the last 5 of 1998 changes"); // 2 inserts, then 499 updates of 2 changes per key
    }

    @Test
    void aBatchResultIsDrawnOnceNotLive() {
        TableResult result = engine.tableEnvironment().executeSql("SELECT * FROM (VALUES (1), (2)) AS t(x)");

        assertThat(Display.renderers().live(result)).isEmpty();
        assertThat(Display.render(result).get(MimeBundle.TEXT)).asString().endsWith("2 rows");
    }

    @Test
    void aBoundedStreamingResultEndsLookingLikeTheStaticTable() {
        String query = "SELECT * FROM (VALUES (1, 'a'), (2, '<b>')) AS t(x, s)";
        MimeBundle still = Display.render(engine.tableEnvironment().executeSql(query));

        Display.display(streaming.executeSql(query));

        List<RecordingDisplay.Call> calls = table();
        assertThat(calls).extracting(RecordingDisplay.Call::kind).containsExactly("show", "update");
        assertThat(calls.get(1).bundle().data()).isEqualTo(still.data());
    }

    @Test
    void aDataStreamShownLiveAppendsItsLatestElements() {
        Display.display(Live.append(engine.environment().fromSequence(1, 5000).map(n -> n * n)).maxRows(3));

        String last = squeezed(table().get(table().size() - 1));
        assertThat(last).contains("value").endsWith("showing the last 3 of 5000 rows");
    }

    @Test
    void anUnboundedDataStreamAsAValueIsShownLiveUntilItsJobIsCancelled() throws Exception {
        DataStream<Row> counts = streaming.toChangelogStream(
                streaming.sqlQuery("SELECT id, COUNT(*) AS n FROM endless GROUP BY id"));
        assertThat(Display.renderers().live(engine.environment().fromSequence(1, 3))).isEmpty();
        CompletableFuture<Void> cancelled = CompletableFuture.runAsync(() -> {
            while (display.calls().stream().noneMatch(c -> c.kind().equals("update") && c.text().contains("live"))) {
                Thread.onSpinWait();
            }
            engine.cancelRunningJobs();
        });

        assertThatThrownBy(() -> Display.display(counts)).isInstanceOf(CancellationException.class);
        cancelled.get(10, TimeUnit.SECONDS);
        String last = squeezed(table().get(table().size() - 1));
        assertThat(last.strip()).startsWith("id | n").as("the changelog applied: one row per id").matches("(?s).*\\n[1-3] rows · stopped");
    }

    @Test
    void anInterruptStopsTheViewAndCancelsTheJob() throws Exception {
        TableResult result = streaming.executeSql("SELECT id, COUNT(*) AS n FROM endless GROUP BY id");
        String jobId = result.getJobClient().orElseThrow().getJobID().toHexString();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread cellThread = new Thread(() -> {
            try {
                Display.display(result);
                ended.complete(null);
            } catch (Throwable t) {
                ended.complete(t);
            }
        });
        cellThread.start();
        while (display.calls().stream().noneMatch(c -> c.kind().equals("update") && c.text().contains("live"))) {
            Thread.sleep(20);
        }
        cellThread.interrupt();

        assertThat(ended.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(squeezed(table().get(table().size() - 1))).endsWith("· stopped");
        awaitEnd(jobId);
        assertThat(stateOf(jobId)).isEqualTo("CANCELED");
    }

    @Test
    void cancellingTheJobStopsTheViewToo() throws Exception {
        // what the kernel's interrupt does while it draws a cell's result: it cancels every job
        TableResult result = streaming.executeSql("SELECT id, COUNT(*) AS n FROM endless GROUP BY id");
        CompletableFuture<Void> cancelled = CompletableFuture.runAsync(() -> {
            while (display.calls().stream().noneMatch(c -> c.kind().equals("update") && c.text().contains("live"))) {
                Thread.onSpinWait();
            }
            engine.cancelRunningJobs();
        });

        assertThatThrownBy(() -> Display.display(result)).isInstanceOf(CancellationException.class);
        cancelled.get(10, TimeUnit.SECONDS);
        assertThat(squeezed(table().get(table().size() - 1))).endsWith("· stopped");
    }

    private static String stateOf(String jobId) {
        return engine.jobs().stream().filter(j -> j.id().equals(jobId)).map(JobInfo::state).findFirst().orElse("?");
    }

    private static void awaitEnd(String jobId) throws InterruptedException {
        for (int i = 0; i < 200 && !List.of("CANCELED", "FINISHED", "FAILED").contains(stateOf(jobId)); i++) {
            Thread.sleep(50);
        }
    }
}
