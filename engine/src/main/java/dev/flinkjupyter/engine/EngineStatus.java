package dev.flinkjupyter.engine;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine at one moment, for {@code %flink status}.
 *
 * @param mode how SQL statements choose their runtime mode
 * @param parallelism the default parallelism of later jobs
 * @param taskSlots the slots of the cluster's task manager
 * @param webUi the Flink web UI, while the cluster runs
 * @param runningJobs the jobs that have not ended
 * @param settings the Flink settings changed by the notebook, in the order they were set
 */
public record EngineStatus(
        SqlMode mode,
        int parallelism,
        int taskSlots,
        Optional<URI> webUi,
        List<JobInfo> runningJobs,
        Map<String, String> settings) {}
