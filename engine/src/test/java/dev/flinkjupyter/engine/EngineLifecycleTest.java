package dev.flinkjupyter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;

/** Creating, using and closing an engine of its own. */
class EngineLifecycleTest {

    @Test
    void startsLazilyKeepsFewFinishedJobsAndCleansUpOnClose() throws Exception {
        Path tmp = Files.createTempDirectory("flink-engine-lifecycle-");
        long start = System.nanoTime();
        FlinkEngine engine = FlinkEngine.create(EngineOptions.of(tmp).withMaxFinishedJobsKept(2));
        System.out.printf("[engine] create: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        try {
            assertThat(engine.isClusterRunning()).isFalse();
            assertThat(engine.webUi()).isEmpty();
            assertThat(engine.jobs()).isEmpty();
            assertThat(engine.cancelRunningJobs()).isZero();
            assertThatThrownBy(() -> engine.cancel("0123456789abcdef0123456789abcdef"))
                    .isInstanceOf(IllegalArgumentException.class);

            for (int i = 1; i <= 3; i++) {
                // Each job to its end before the next: a collect with a limit returns before its job
                // ends, and the jobs would then finish, and be archived, in any order.
                var env = engine.environment();
                env.fromData(i).sinkTo(new DiscardingSink<>());
                env.executeAsync("job-" + i).getJobExecutionResult().get();
            }

            assertThat(engine.isClusterRunning()).isTrue();
            assertThat(engine.webUi()).isPresent();
            // The archive is written as the job ends; wait for it rather than race it.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!engine.jobs().stream().map(JobInfo::name).toList().equals(java.util.List.of("job-2", "job-3"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(engine.jobs()).extracting(JobInfo::name).containsExactly("job-2", "job-3");
            try (Stream<Path> files = Files.list(tmp)) {
                assertThat(files).isNotEmpty(); // Flink's working files went to the engine's directory
            }
        } finally {
            engine.close();
        }

        assertThat(tmp).doesNotExist();
        assertThat(engine.isClusterRunning()).isFalse();
        assertThat(engine.webUi()).isEmpty();
        assertThat(engine.jobs()).isEmpty();
        engine.close(); // idempotent
        assertThatThrownBy(engine::environment).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingAnEngineThatNeverStartedDeletesItsDirectory() throws Exception {
        Path tmp = Files.createTempDirectory("flink-engine-unused-");
        FlinkEngine engine = FlinkEngine.create(EngineOptions.of(tmp));

        engine.close();

        assertThat(tmp).doesNotExist();
        assertThat(engine.isClusterRunning()).isFalse();
    }
}
