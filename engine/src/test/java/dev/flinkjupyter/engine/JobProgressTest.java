package dev.flinkjupyter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkjupyter.display.Renderers;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Progress lines of real jobs on one engine, drawn into a recording display. */
class JobProgressTest {
    private static FlinkEngine engine;
    private static final AtomicInteger cell = new AtomicInteger(1);
    private static RecordingDisplay display;

    @BeforeAll
    static void startEngine() throws Exception {
        display = RecordingDisplay.install(new Renderers(), cell::get);
        engine = FlinkEngine.create(EngineOptions.of(Files.createTempDirectory("flink-progress-test-")));
        engine.environment().fromData(1).executeAndCollect(1); // starts the cluster
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
        RecordingDisplay.uninstall();
    }

    @BeforeEach
    void nextCell() {
        engine.showFinalProgress();
        cell.incrementAndGet();
        display.reset();
    }

    /** A job that reads {@code n} records at 20 per second into a discarding sink. */
    private static StreamExecutionEnvironment slowJob(int n) {
        StreamExecutionEnvironment env = engine.environment();
        env.fromSource(new DataGeneratorSource<>(i -> i, n, RateLimiterStrategy.perSecond(20), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "slow numbers")
                .setParallelism(1)
                .sinkTo(new DiscardingSink<>())
                .setParallelism(1);
        return env;
    }

    @Test
    void aLongJobShowsOneLineThatEndsFinished() throws Exception {
        slowJob(30).execute("thirty slow numbers");
        engine.showFinalProgress();

        List<RecordingDisplay.Call> calls = display.calls();
        assertThat(calls).isNotEmpty();
        String id = calls.get(0).displayId();
        assertThat(calls).extracting(RecordingDisplay.Call::displayId).containsOnly(id);
        assertThat(calls.get(0).kind()).isEqualTo("show");
        assertThat(calls).extracting(RecordingDisplay.Call::kind).contains("update");
        assertThat(calls.get(0).text()).startsWith("Job 'thirty slow numbers' ").contains("/#/job/running/");
        String last = calls.get(calls.size() - 1).text();
        assertThat(last).contains("FINISHED").contains("1/1 tasks").contains("30 in · 30 out").contains("/#/job/completed/");
        assertThat(calls).extracting(RecordingDisplay.Call::cell).containsOnly(cell.get());
        System.out.println("[progress] " + calls.size() + " outputs, last: " + last);
    }

    @Test
    void aQuickJobShowsNoLine() throws Exception {
        for (int i = 0; i < 3; i++) { // warm: the first jobs of a cluster are slower
            engine.environment().fromData(1, 2, 3).map(x -> x * 2).executeAndCollect(10);
        }
        display.reset();

        engine.environment().fromData(1, 2, 3).map(x -> x * 2).executeAndCollect(10);
        engine.showFinalProgress();

        assertThat(display.calls()).isEmpty();
    }

    @Test
    void theLineStaysWithTheCellThatSubmittedTheJob() throws Exception {
        int submittingCell = cell.get();
        JobClient job = slowJob(20).executeAsync("background numbers");
        cell.incrementAndGet(); // the submitting cell ended; another one runs while the job does
        JobStatus end = job.getJobExecutionResult().thenApply(r -> JobStatus.FINISHED).get();
        engine.showFinalProgress();

        assertThat(end).isEqualTo(JobStatus.FINISHED);
        assertThat(display.calls()).isNotEmpty()
                .extracting(RecordingDisplay.Call::cell).containsOnly(submittingCell);
        assertThat(display.calls().get(display.calls().size() - 1).text()).contains("FINISHED");
    }

    @Test
    void aCancelledJobEndsCanceled() throws Exception {
        JobClient job = slowJob(1_000_000).executeAsync("endless numbers");
        while (display.calls().isEmpty()) {
            Thread.sleep(50);
        }
        job.cancel().get();
        engine.showFinalProgress();

        List<RecordingDisplay.Call> calls = display.calls();
        assertThat(calls.get(calls.size() - 1).text()).contains("CANCELED");
    }
}
