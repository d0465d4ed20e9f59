package dev.flinkjupyter.kernel;

import dev.flinkjupyter.engine.FlinkEngine;

import java.util.Objects;

/**
 * What every cell can reach besides its own variables: this kernel's Flink engine. Cells usually
 * use {@code env} and {@code tEnv}, which the kernel declares from here on their first mention.
 */
public final class Notebook {
    private static volatile FlinkEngine engine;

    private Notebook() {
    }

    /** This kernel's embedded Flink: one long-lived local cluster, its jobs and its web UI. */
    public static FlinkEngine engine() {
        FlinkEngine e = engine;
        if (e == null) {
            throw new IllegalStateException("the Flink engine is not started (is this running inside the kernel?)");
        }
        return e;
    }

    static void install(FlinkEngine flinkEngine) {
        engine = Objects.requireNonNull(flinkEngine);
    }
}
