package dev.flinkjupyter.engine.render;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.client.JobCancellationException;
import org.apache.flink.util.CloseableIterator;

/**
 * The results of a job as they arrive, for a live view: when the job is cancelled (an interrupt
 * cancels every job), reading fails with a {@link CancellationException}, which a live view shows
 * as "stopped", instead of Flink's own exception (which says it failed to fetch the results).
 *
 * @param <T> the results
 */
final class JobResults<T> implements Iterator<T>, AutoCloseable {
    private final CloseableIterator<T> results;
    private final Optional<JobClient> job;

    JobResults(CloseableIterator<T> results, Optional<JobClient> job) {
        this.results = results;
        this.job = job;
    }

    @Override
    public boolean hasNext() {
        try {
            return results.hasNext();
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    @Override
    public T next() {
        try {
            return results.next();
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    /** Stops the job: cancels it when its client is known, else closes the results (which cancels it too). */
    void stop() {
        if (job.isPresent()) {
            job.get().cancel();
        } else {
            close();
        }
    }

    @Override
    public void close() {
        try {
            results.close();
        } catch (Exception e) {
            // the job is cancelled or over either way
        }
    }

    private static RuntimeException translated(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JobCancellationException) {
                CancellationException cancelled = new CancellationException("the job was cancelled");
                cancelled.initCause(e);
                return cancelled;
            }
        }
        return e;
    }
}
