package dev.flinkjupyter.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * One job of the engine's cluster, as {@link FlinkEngine#jobs()} saw it.
 *
 * @param id the job id in hex, as the web UI and {@link FlinkEngine#cancel(String)} use it
 * @param name the job name (Flink's default, or what the cell passed to {@code execute(name)})
 * @param state Flink's job status name: RUNNING, FINISHED, CANCELED, FAILED, ...
 * @param start when the job was submitted
 * @param duration until it ended, or until now while it runs
 */
public record JobInfo(String id, String name, String state, Instant start, Duration duration) {

    /** True once the job can no longer change: finished, cancelled or failed. */
    public boolean isTerminal() {
        return switch (state) {
            case "FINISHED", "CANCELED", "FAILED", "SUSPENDED" -> true;
            default -> false;
        };
    }
}
