package dev.flinkjupyter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
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
                engine.environment().fromData(i).executeAndCollect("job-" + i, 1);
            }

            assertThat(engine.isClusterRunning()).isTrue();
            assertThat(engine.webUi()).isPresent();
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
