package dev.flinkjupyter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.CollectionUtil;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Results collected through {@link PromptCollectJobClient} on a real shared cluster: exactly the
 * rows the job produced, whatever the job does. Asserts results and outcomes, never durations.
 */
@SuppressWarnings("try") // CloseableIterator.close() declares Exception
@Timeout(300) // liveness guard per test, not a timing assertion
class CollectResultsTest {

    private static final long GUARD_MILLIS = 60_000;

    private static FlinkEngine engine;

    @BeforeAll
    static void startEngine() throws Exception {
        Path tmp = Files.createTempDirectory("collect-results-test-");
        engine = FlinkEngine.create(EngineOptions.of(tmp).withParallelism(1).withTaskSlots(4));
        engine.environment();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void collectJobsGetThePromptClientAndOthersOneThatCancelsOnceStarted() throws Exception {
        StreamExecutionEnvironment env = engine.environment();
        CloseableIterator<Integer> results = env.fromData(1, 2, 3).collectAsync();
        JobClient collecting = env.executeAsync("collect-async");
        try (results) {
            assertThat(collecting).isInstanceOf(PromptCollectJobClient.class);
            assertThat(CollectionUtil.iteratorToList(results)).containsExactly(1, 2, 3);
        }

        env.fromData(1, 2, 3).sinkTo(new DiscardingSink<>());
        JobClient discarding = env.executeAsync("discard");
        assertThat(discarding).isInstanceOf(StartedCancelJobClient.class);
        discarding.getJobExecutionResult().get();
    }

    @Test
    void trivialJobReadToTheEnd() throws Exception {
        for (int i = 0; i < 5; i++) {
            List<Integer> results = CollectionUtil.iteratorToList(
                    engine.environment().fromData(1, 2, 3).map(x -> x * 2).executeAndCollect());
            assertThat(results).containsExactlyInAnyOrder(2, 4, 6);
        }
    }

    @Test
    void trivialJobWithALimit() throws Exception {
        assertThat(engine.environment().fromData(1, 2, 3).map(x -> x * 2).executeAndCollect(10))
                .containsExactlyInAnyOrder(2, 4, 6);
    }

    @Test
    void selectOneReadToTheEnd() throws Exception {
        for (int i = 0; i < 5; i++) {
            List<Row> rows = CollectionUtil.iteratorToList(engine.tableEnvironment().executeSql("SELECT 1").collect());
            assertThat(rows).extracting(row -> row.getField(0)).containsExactly(1);
        }
    }

    @Test
    void sqlOverManyRows() throws Exception {
        List<Row> rows = CollectionUtil.iteratorToList(engine.tableEnvironment().executeSql(
                "SELECT n, n * 2 FROM (VALUES (1), (2), (3)) AS t(n) CROSS JOIN (VALUES (10), (20)) AS u(m)").collect());

        assertThat(rows).extracting(row -> row.getField(1)).containsExactlyInAnyOrder(2, 2, 4, 4, 6, 6);
    }

    @Test
    void boundedJobOf100kRowsInBatchMode() throws Exception {
        assertAllOf100kRows(engine.environment()); // AUTOMATIC: a bounded source runs as a batch job
    }

    @Test
    void boundedJobOf100kRowsInStreamingMode() throws Exception {
        // In streaming mode the rows flow through the sink while the job runs.
        assertAllOf100kRows(environment(RuntimeExecutionMode.STREAMING));
    }

    @Test
    void unboundedJobReadWithALimit() throws Exception {
        StreamExecutionEnvironment env = environment(RuntimeExecutionMode.STREAMING);
        var source = new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(100), Types.LONG);

        List<Long> results = env.fromSource(source, WatermarkStrategy.noWatermarks(), "unbounded-limit")
                .executeAndCollect("unbounded-limit", 5);

        assertThat(results).containsExactly(0L, 1L, 2L, 3L, 4L);
        // Closing the iterator after the limit cancels the job.
        awaitState("unbounded-limit", "CANCELED");
    }

    @Test
    void failingBatchJobSurfacesItsRootCause() {
        assertFailureSurfaces(engine.environment(), "batch-boom");
    }

    @Test
    void failingStreamingJobSurfacesItsRootCause() {
        assertFailureSurfaces(environment(RuntimeExecutionMode.STREAMING), "streaming-boom");
    }

    @Test
    void failingSqlSurfacesItsRootCause() {
        var tEnv = engine.tableEnvironment();
        tEnv.executeSql("CREATE TEMPORARY TABLE numbers (n INT) WITH ('connector' = 'datagen', "
                + "'number-of-rows' = '5', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '5')");

        assertThatThrownBy(() -> CollectionUtil.iteratorToList(
                        tEnv.executeSql("SELECT 10 / (n - n) FROM numbers").collect()))
                .satisfies(thrown -> assertThat(ExceptionUtils.findThrowable(thrown, ArithmeticException.class))
                        .as("root cause of %s", thrown)
                        .isPresent());
    }

    @Test
    void cancellingUnblocksACollectorOfAStreamingJob() throws Exception {
        var source = new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(20), Types.LONG);
        DataStream<Long> endless = environment(RuntimeExecutionMode.STREAMING)
                .fromSource(source, WatermarkStrategy.noWatermarks(), "endless-streaming");
        assertCancellationUnblocks(endless, "endless-streaming", "RUNNING");
    }

    @Test
    void cancellingUnblocksACollectorWhoseSinkNeverStarts() throws Exception {
        // A bounded source that never ends, in batch mode: the sink is never scheduled, so the
        // collector only waits for the job's end.
        var source = new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(20), Types.LONG);
        DataStream<Long> endless = engine.environment()
                .fromSource(source, WatermarkStrategy.noWatermarks(), "endless-batch")
                .map(x -> x);
        assertCancellationUnblocks(endless, "endless-batch", null);
    }

    @Test
    void theClusterRunsCollectJobsAfterACancellation() throws Exception {
        var source = new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(20), Types.LONG);
        DataStream<Long> endless = environment(RuntimeExecutionMode.STREAMING)
                .fromSource(source, WatermarkStrategy.noWatermarks(), "endless-then-more");
        assertCancellationUnblocks(endless, "endless-then-more", null);

        assertThat(CollectionUtil.iteratorToList(engine.environment().fromData(7, 8).executeAndCollect()))
                .containsExactlyInAnyOrder(7, 8);
    }

    private static void assertAllOf100kRows(StreamExecutionEnvironment env) throws Exception {
        var source = new DataGeneratorSource<>(i -> i, 100_000, Types.LONG);

        List<Long> results = CollectionUtil.iteratorToList(
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "100k").executeAndCollect());

        assertThat(results).hasSize(100_000);
        assertThat(results.stream().sorted().toList())
                .isEqualTo(LongStream.range(0, 100_000).boxed().toList());
    }

    private static void assertFailureSurfaces(StreamExecutionEnvironment env, String marker) {
        DataStream<Integer> failing = env.fromData(1, 2, 3).map(x -> {
            if (x == 2) {
                throw new IllegalStateException(marker);
            }
            return x;
        });

        assertThatThrownBy(() -> CollectionUtil.iteratorToList(failing.executeAndCollect(marker)))
                .satisfies(thrown -> assertThat(ExceptionUtils.findThrowableWithMessage(thrown, marker))
                        .as("root cause of %s", thrown)
                        .hasValueSatisfying(cause -> assertThat(cause).isInstanceOf(IllegalStateException.class)));
        awaitState(marker, "FAILED");
    }

    /**
     * Collects on another thread, cancels the running jobs once the job is listed (in {@code state},
     * if given), and expects that thread to return with a failure.
     */
    private static void assertCancellationUnblocks(DataStream<Long> stream, String jobName, String state)
            throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread cell = new Thread(() -> {
            try (CloseableIterator<Long> it = stream.executeAndCollect(jobName)) {
                while (it.hasNext()) {
                    it.next();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        cell.start();
        while (engine.jobs().stream().noneMatch(job -> job.name().equals(jobName)
                && (state == null || job.state().equals(state)))) {
            Thread.sleep(10);
        }

        assertThat(engine.cancelRunningJobs()).isEqualTo(1);
        cell.join(GUARD_MILLIS);
        assertThat(cell.isAlive()).as("the collecting thread returned").isFalse();
        assertThat(failure.get()).as("the collector learnt that the job was cancelled").isNotNull();
        assertThat(engine.jobs()).filteredOn(job -> job.name().equals(jobName))
                .extracting(JobInfo::state).containsExactly("CANCELED");
    }

    private static void awaitState(String jobName, String state) {
        long deadline = System.nanoTime() + GUARD_MILLIS * 1_000_000;
        while (engine.jobs().stream().noneMatch(job -> job.name().equals(jobName) && job.state().equals(state))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + jobName + " never reached " + state + ": " + engine.jobs());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static StreamExecutionEnvironment environment(RuntimeExecutionMode mode) {
        Configuration configuration = new Configuration();
        configuration.set(ExecutionOptions.RUNTIME_MODE, mode);
        return StreamExecutionEnvironment.getExecutionEnvironment(configuration);
    }
}
