package dev.flinkjupyter.kernel;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one long-lived thread that runs everything JShell does: cells, completion, inspection.
 * Flink's SQL planner keeps per-thread state from where {@code tEnv} was created, and JShell is
 * not thread-safe, so both must always be used from this same thread.
 */
final class CellThread implements AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cell");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code work} on the cell thread and waits for it; its exception is rethrown as is. */
    <T> T call(Callable<T> work) throws Exception {
        Future<T> future = executor.submit(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw e;
            } catch (Throwable t) {
                // An asynchronous stop (JDK 17's Thread.stop) must not kill the one cell thread.
                throw new ExecutionException(t);
            }
        });
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ExecutionException wrapped && wrapped.getCause() != null) {
                cause = wrapped.getCause();
            }
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Starts {@code work} on the cell thread without waiting. */
    void start(Runnable work) {
        executor.execute(work);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
