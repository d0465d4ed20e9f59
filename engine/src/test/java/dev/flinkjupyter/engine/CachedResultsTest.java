package dev.flinkjupyter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.datastream.CachedDataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** {@code DataStream.cache()} on the shared cluster: made by the first job, read by the next ones. */
class CachedResultsTest {
    static final AtomicInteger MAPPED = new AtomicInteger();

    static final class Counting implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            MAPPED.incrementAndGet();
            return value * 10;
        }
    }

    @Test
    void laterJobsReadTheCacheAndTheClusterSurvives() throws Exception {
        try (FlinkEngine engine = FlinkEngine.create(EngineOptions.of(Files.createTempDirectory("engine-cache-test-"))
                .withParallelism(2))) {
            engine.environment();
            Configuration batch = new Configuration();
            batch.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(batch);
            CachedDataStream<Long> cached = env.fromSequence(1, 100).map(new Counting()).cache();

            assertThat(cached.executeAndCollect(1000)).hasSize(100);
            int afterFirst = MAPPED.get();
            for (int job = 0; job < 3; job++) {
                assertThat(cached.map(x -> x + 1).executeAndCollect(1000)).hasSize(100);
            }
            assertThat(MAPPED.get()).as("rows mapped again instead of read from the cache").isEqualTo(afterFirst);

            long start = System.nanoTime();
            cached.invalidate();
            System.out.printf("[engine] invalidate a cached result: %d ms%n", (System.nanoTime() - start) / 1_000_000);
            // made again under the same id, after the task managers confirmed the release
            assertThat(cached.executeAndCollect(1000)).hasSize(100);
            assertThat(MAPPED.get()).isEqualTo(afterFirst + 100);
            assertThat(cached.map(x -> x + 1).executeAndCollect(1000)).hasSize(100);
            assertThat(MAPPED.get()).isEqualTo(afterFirst + 100);
        }
    }
}
