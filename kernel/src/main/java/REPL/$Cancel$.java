package REPL;

/**
 * Replaces the stop check that JShell (JDK 21 and later) weaves into every snippet method and
 * loop. JShell's own version throws in whatever thread runs snippet code, and snippet lambdas run
 * inside Flink task threads, where an unexpected error brings the whole JVM down. This one fires
 * only in the thread being stopped: the kernel's cell thread.
 */
public final class $Cancel$ {
    private static volatile Thread stopping;

    private $Cancel$() {
    }

    /** Called by woven snippet code at method starts and backward branches. */
    public static void stopCheck() {
        Thread target = stopping;
        if (target != null && target == Thread.currentThread()) {
            throw new Stopped();
        }
    }

    /** Makes the next stop check in {@code thread} throw {@link Stopped}. */
    public static void stop(Thread thread) {
        stopping = thread;
    }

    /** Clears a pending stop, before the next cell runs. */
    public static void reset() {
        stopping = null;
    }

    /** Thrown into a cell that is being interrupted. */
    public static final class Stopped extends Error {
        public Stopped() {
            super("interrupted", null, false, false);
        }
    }
}
