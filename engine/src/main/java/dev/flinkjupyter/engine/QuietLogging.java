package dev.flinkjupyter.engine;

import java.util.List;

/**
 * Silences the Flink warnings a notebook user can do nothing about: every batch job logs "Skip
 * setting up checkpointing for a job with dynamic graph", every SQL job with a long operator name
 * logs that the name was truncated, every cancelled collect logs an EOFException.
 *
 * <p>The kernel binds slf4j-simple, which reads a logger's level from the system property
 * {@code org.slf4j.simpleLogger.log.<name>} when the logger is created, i.e. when the Flink class is
 * first loaded: this runs before the engine starts its cluster. A level someone already set wins;
 * other slf4j bindings ignore these properties.
 */
final class QuietLogging {

    private static final String PREFIX = "org.slf4j.simpleLogger.log.";

    private static final List<String> NOISY = List.of(
            "org.apache.flink.runtime.jobmaster.JobMaster",
            "org.apache.flink.runtime.metrics.util.MetricUtils",
            "org.apache.flink.runtime.webmonitor.WebMonitorUtils", // "no log file" at every start
            "org.apache.flink.streaming.api.operators.collect.CollectSinkOperatorCoordinator");

    private QuietLogging() {}

    static void apply() {
        for (String logger : NOISY) {
            if (System.getProperty(PREFIX + logger) == null) {
                System.setProperty(PREFIX + logger, "error");
            }
        }
    }
}
