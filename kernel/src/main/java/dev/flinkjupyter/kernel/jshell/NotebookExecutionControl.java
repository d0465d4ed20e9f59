package dev.flinkjupyter.kernel.jshell;

import jdk.jshell.execution.LocalExecutionControl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs snippets in the thread that evaluates the cell (JShell's stock control starts a thread per
 * snippet, which breaks Flink's SQL planner: it keeps per-thread state), keeps the value and the
 * real exception of the last snippet for display and error reports, and stops a running cell on
 * request on both JDK 17 and JDK 21+.
 */
final class NotebookExecutionControl extends LocalExecutionControl {
    private volatile Thread runningIn;
    private volatile boolean stopRequested;
    private Object lastValue;

    NotebookExecutionControl() {
        super(new AppLoaderDelegate());
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        lastValue = null;
        try {
            Object value = doit.invoke(null);
            lastValue = value;
            // JShell's own text of the value is not shown (display renders the object), and a
            // toString() of a large or lazy object can be slow or throw: keep it cheap.
            return value == null ? "null" : value.getClass().getName();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (stopRequested || cause instanceof REPL.$Cancel$.Stopped || isThreadDeath(cause)) {
                stopRequested = true;
                throw new StoppedException();
            }
            throw e;
        }
    }

    @Override
    protected void clientCodeEnter() {
        stopRequested = false;
        REPL.$Cancel$.reset();
        runningIn = Thread.currentThread();
    }

    @Override
    protected void clientCodeLeave() {
        runningIn = null;
    }

    /** Whether a snippet is running now. */
    boolean isRunning() {
        return runningIn != null;
    }

    /** Whether the last stop request hit a running snippet. */
    boolean wasStopped() {
        return stopRequested;
    }

    /**
     * Asks the running snippet to stop: woven stop checks fire (JDK 21+), blocking calls are
     * interrupted. {@link #forceStop()} is the last resort for a busy loop on JDK 17.
     */
    @Override
    public void stop() {
        Thread thread = runningIn;
        if (thread == null) {
            return;
        }
        stopRequested = true;
        REPL.$Cancel$.stop(thread);
        thread.interrupt();
    }

    /** On JDKs that still have {@code Thread.stop} (up to 19), stops a snippet stuck in a loop. */
    @SuppressWarnings("removal")
    boolean forceStop() {
        Thread thread = runningIn;
        if (thread == null || Runtime.version().feature() >= 20) {
            return false;
        }
        try {
            Thread.class.getMethod("stop").invoke(thread);
            return true;
        } catch (ReflectiveOperationException | UnsupportedOperationException e) {
            return false;
        }
    }

    Object lastValue() {
        return lastValue;
    }

    private static boolean isThreadDeath(Throwable t) {
        return t != null && "java.lang.ThreadDeath".equals(t.getClass().getName());
    }
}
