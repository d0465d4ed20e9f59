package dev.flinkjupyter.engine;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link FlinkEngine} sets up its cluster. Immutable: every {@code withX} returns a copy.
 *
 * <pre>{@code
 * EngineOptions.of(tempDir).withParallelism(4).withFlinkConfiguration(Map.of("pipeline.auto-watermark-interval", "50 ms"))
 * }</pre>
 *
 * @param tempDirectory where Flink writes everything it spills, extracts or uploads; deleted by
 *     {@link FlinkEngine#close()}
 * @param parallelism default parallelism of jobs (at least 1)
 * @param taskSlots slots of the cluster's one task manager; more than the parallelism, so that a
 *     job left running does not starve the next cell's job
 * @param flinkConfiguration extra Flink configuration entries, applied to the cluster and to every
 *     environment; they win over the engine's own settings
 * @param maxFinishedJobsKept how many finished jobs the cluster remembers (web UI and {@link
 *     FlinkEngine#jobs()})
 */
public record EngineOptions(
        Path tempDirectory,
        int parallelism,
        int taskSlots,
        Map<String, String> flinkConfiguration,
        int maxFinishedJobsKept) {

    public static final int DEFAULT_MAX_FINISHED_JOBS_KEPT = 100;

    public EngineOptions {
        Objects.requireNonNull(tempDirectory, "tempDirectory");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        if (taskSlots < parallelism) {
            throw new IllegalArgumentException(
                    "taskSlots (" + taskSlots + ") must be at least the parallelism (" + parallelism + ")");
        }
        if (maxFinishedJobsKept < 1) {
            throw new IllegalArgumentException("maxFinishedJobsKept must be at least 1, was " + maxFinishedJobsKept);
        }
        // Keep the order the user wrote the entries in (Map.copyOf would not).
        flinkConfiguration = Collections.unmodifiableMap(new LinkedHashMap<>(flinkConfiguration));
    }

    /** Defaults: parallelism min(2, cores), slots max(4, 2 * parallelism), no extra entries, 100 finished jobs. */
    public static EngineOptions of(Path tempDirectory) {
        int parallelism = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        return new EngineOptions(
                tempDirectory, parallelism, defaultSlots(parallelism), Map.of(), DEFAULT_MAX_FINISHED_JOBS_KEPT);
    }

    /** Sets the parallelism; the slots grow with it unless they are already enough. */
    public EngineOptions withParallelism(int parallelism) {
        return new EngineOptions(
                tempDirectory,
                parallelism,
                Math.max(taskSlots, defaultSlots(parallelism)),
                flinkConfiguration,
                maxFinishedJobsKept);
    }

    public EngineOptions withTaskSlots(int taskSlots) {
        return new EngineOptions(tempDirectory, parallelism, taskSlots, flinkConfiguration, maxFinishedJobsKept);
    }

    public EngineOptions withFlinkConfiguration(Map<String, String> entries) {
        return new EngineOptions(tempDirectory, parallelism, taskSlots, entries, maxFinishedJobsKept);
    }

    public EngineOptions withMaxFinishedJobsKept(int maxFinishedJobsKept) {
        return new EngineOptions(tempDirectory, parallelism, taskSlots, flinkConfiguration, maxFinishedJobsKept);
    }

    public EngineOptions withTempDirectory(Path tempDirectory) {
        return new EngineOptions(tempDirectory, parallelism, taskSlots, flinkConfiguration, maxFinishedJobsKept);
    }

    private static int defaultSlots(int parallelism) {
        return Math.max(4, 2 * parallelism);
    }
}
