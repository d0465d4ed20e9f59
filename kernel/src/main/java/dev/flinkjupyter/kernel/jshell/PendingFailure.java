package dev.flinkjupyter.kernel.jshell;

/**
 * Lets JShell map the frames of an exception that was thrown outside a snippet (while the kernel
 * drew a cell's result, which reads a Flink job's output) back to cells and lines: the kernel
 * rethrows it from a snippet, and JShell translates it like any snippet exception. Public only
 * because snippet code must reach it.
 */
public final class PendingFailure {
    private static Throwable pending;

    private PendingFailure() {
    }

    static void set(Throwable failure) {
        pending = failure;
    }

    /** Throws the exception set by the kernel; called from the kernel's own snippet only. */
    public static void rethrow() throws Throwable {
        Throwable failure = pending;
        pending = null;
        if (failure != null) {
            throw failure;
        }
    }
}
