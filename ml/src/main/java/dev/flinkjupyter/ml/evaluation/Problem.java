package dev.flinkjupyter.ml.evaluation;

import java.io.Serializable;

/**
 * The first bad row an aggregate met, carried back in its accumulator and thrown here, in the
 * driver. Why not throw in the task: Flink 2.3 runs the function of {@code fullWindowPartition()}
 * on a separate executor thread, where an uncaught exception stops the whole JVM (its fatal-exit
 * handler) instead of failing the job, which in a notebook would kill the kernel.
 */
final class Problem implements Serializable {
    private static final long serialVersionUID = 1L;
    private String message;

    /** Runs {@code step} on a row unless a problem was met before; keeps the first problem. */
    boolean guard(Runnable step) {
        if (message != null) {
            return false;
        }
        try {
            step.run();
            return true;
        } catch (IllegalArgumentException e) {
            message = e.getMessage();
            return false;
        }
    }

    /** Keeps the other's problem if this has none. */
    void merge(Problem other) {
        if (message == null) {
            message = other.message;
        }
    }

    /** Throws the problem, if any, as an {@link IllegalArgumentException}. */
    void throwIfAny() {
        if (message != null) {
            throw new IllegalArgumentException(message);
        }
    }
}
