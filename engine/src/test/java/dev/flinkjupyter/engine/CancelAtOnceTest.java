package dev.flinkjupyter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Cancelling a collect job the moment it is submitted, before its sink has opened, must leave the
 * shared cluster able to run the next job.
 *
 * <p>The timeouts are hang guards, not speed checks: a cluster without a task manager makes the next
 * job wait for slots for minutes, and Flink's result fetcher ignores interrupts, so the guard runs
 * the test on its own thread.
 */
class CancelAtOnceTest {

    private static final int ROUNDS = 40;
    private static final long WAIT_MILLIS = 30_000;

    private FlinkEngine engine;

    @BeforeEach
    void startEngine() throws Exception {
        engine = FlinkEngine.create(EngineOptions.of(Files.createTempDirectory("flink-cancel-test-")).withParallelism(2));
        engine.environment();
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
    void cancellingAnOpeningCollectSinkCostsFlinkItsTaskManager() throws Exception {
        // Flink's own cancel, aimed at the moment the sink task is deployed or initializing.
        MiniCluster cluster = engine.miniCluster().orElseThrow();
        int round = 0;
        while (taskManagers(cluster) > 0) {
            assertThat(round++).as("rounds until Flink's cancel loses the task manager").isLessThan(ROUNDS);
            StreamExecutionEnvironment env = streaming();
            CloseableIterator<Long> results = endless(env).collectAsync();
            JobClient job = env.executeAsync("raw-cancel-" + round);
            awaitStarting(cluster, job.getJobID());
            cluster.cancelJob(job.getJobID()).get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            cluster.requestJobResult(job.getJobID()).get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            results.close();
            awaitTaskManagerLossSettled(cluster);
        }
        System.out.printf("[cancel] Flink's cancel lost the task manager in round %d%n", round);

        // The next job gets a new task manager.
        assertThat(runsATrivialJob()).containsExactlyInAnyOrder(2, 4, 6);
        assertThat(engine.taskManagersReplaced()).isEqualTo(1);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
    void theEngineCancelsRightAfterSubmittingAndKeepsItsTaskManager() throws Exception {
        MiniCluster cluster = engine.miniCluster().orElseThrow();
        long start = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            StreamExecutionEnvironment env = streaming();
            CloseableIterator<Long> results = endless(env).collectAsync();
            JobClient job = env.executeAsync("engine-cancel-" + round);
            switch (round % 3) {
                case 0 -> engine.cancel(job.getJobID().toHexString());
                case 1 -> engine.cancelRunningJobs();
                default -> {
                    awaitStarting(cluster, job.getJobID());
                    results.close(); // closing the iterator cancels through the job client
                    cluster.requestJobResult(job.getJobID()).get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
            results.close();
        }
        System.out.printf("[cancel] %d submit-and-cancel rounds: %d ms each%n",
                ROUNDS, (System.nanoTime() - start) / 1_000_000 / ROUNDS);

        assertThat(engine.jobs()).filteredOn(job -> job.name().startsWith("engine-cancel-"))
                .extracting(JobInfo::state).containsOnly("CANCELED").hasSize(ROUNDS);
        assertThat(runsATrivialJob()).containsExactlyInAnyOrder(2, 4, 6);
        assertThat(engine.taskManagersReplaced()).as("task managers lost and replaced").isZero();
    }

    private List<Integer> runsATrivialJob() throws Exception {
        return engine.environment().fromData(1, 2, 3).map(x -> x * 2).executeAndCollect(10);
    }

    private static org.apache.flink.streaming.api.datastream.DataStream<Long> endless(StreamExecutionEnvironment env) {
        var source = new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(100), Types.LONG);
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "endless").map(x -> x + 1);
    }

    private static StreamExecutionEnvironment streaming() {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }

    /** Polls until some task of the job is deployed or initializing, or the job is past that. */
    private static void awaitStarting(MiniCluster cluster, JobID id) throws Exception {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            var graph = cluster.getExecutionGraph(id).get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            if (TaskStartup.starting(graph) || graph.getState().isTerminalState()) {
                return;
            }
            for (var vertex : graph.getAllExecutionVertices()) {
                if (vertex.getExecutionState().isTerminal()
                        || vertex.getExecutionState() == org.apache.flink.runtime.execution.ExecutionState.RUNNING) {
                    return; // past the window
                }
            }
        }
        throw new AssertionError("job " + id + " never started its tasks");
    }

    /** A fatal error closes the task manager a moment after the job ended; give it that moment. */
    private static void awaitTaskManagerLossSettled(MiniCluster cluster) throws Exception {
        for (int i = 0; i < 20 && taskManagers(cluster) > 0; i++) {
            Thread.sleep(10);
        }
    }

    private static int taskManagers(MiniCluster cluster) throws Exception {
        return cluster.getResourceOverview().get(WAIT_MILLIS, TimeUnit.MILLISECONDS).getNumberTaskManagers();
    }
}
