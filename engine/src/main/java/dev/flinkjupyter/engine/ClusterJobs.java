package dev.flinkjupyter.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.minicluster.MiniCluster;

/** Lists and cancels the jobs of a running cluster. */
final class ClusterJobs {

    private static final long RPC_TIMEOUT_SECONDS = 10;
    /** Task start-up takes milliseconds to a few hundred; one that hangs must not stop a cancel for long. */
    static final Duration STARTUP_BOUND = Duration.ofSeconds(3);

    /** A finished job's end never changes: ask the cluster once per job. */
    private final Map<JobID, Instant> endTimes = new ConcurrentHashMap<>();

    List<JobInfo> list(MiniCluster cluster) {
        Collection<JobStatusMessage> statuses = await(cluster.listJobs());
        endTimes.keySet().retainAll(statuses.stream().map(JobStatusMessage::getJobId).toList());
        Instant now = Instant.now();
        List<JobInfo> jobs = new ArrayList<>(statuses.size());
        for (JobStatusMessage status : statuses) {
            Instant start = Instant.ofEpochMilli(status.getStartTime());
            Instant end = status.getJobState().isGloballyTerminalState() ? endTime(cluster, status) : now;
            Duration duration = end.isBefore(start) ? Duration.ZERO : Duration.between(start, end);
            jobs.add(new JobInfo(
                    status.getJobId().toHexString(), status.getJobName(), status.getJobState().name(), start, duration));
        }
        jobs.sort(Comparator.comparing(JobInfo::start).thenComparing(JobInfo::id));
        return jobs;
    }

    /** Cancels every job that is not finished, cancelled or failed, and waits until they are. */
    int cancelRunning(MiniCluster cluster, Duration timeout) {
        List<JobID> running = await(cluster.listJobs()).stream()
                .filter(status -> !status.getJobState().isGloballyTerminalState())
                .map(JobStatusMessage::getJobId)
                .toList();
        List<CompletableFuture<?>> ends = new ArrayList<>();
        for (JobID id : running) {
            ends.add(cancelAndAwaitEnd(cluster, id));
        }
        awaitAll(ends, timeout);
        return running.size();
    }

    /** Cancels one job and waits until it ended; a job that already ended is left alone. */
    void cancel(MiniCluster cluster, JobID id, Duration timeout) {
        JobStatusMessage status = await(cluster.listJobs()).stream()
                .filter(job -> job.getJobId().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No job with id " + id.toHexString()));
        if (!status.getJobState().isGloballyTerminalState()) {
            awaitAll(List.of(cancelAndAwaitEnd(cluster, id)), timeout);
        }
    }

    private static CompletableFuture<?> cancelAndAwaitEnd(MiniCluster cluster, JobID id) {
        // A job may end between listing and cancelling; its result future completes all the same.
        return cancelOnceStarted(cluster, id)
                .handle((ack, error) -> null)
                .thenCompose(ignored -> cluster.requestJobResult(id))
                .handle((result, error) -> null);
    }

    /**
     * Cancels a job once none of its tasks is still opening its operators (see {@link TaskStartup}),
     * or after {@link #STARTUP_BOUND}: cancelling a collect sink that has not opened yet costs the
     * cluster its task manager.
     */
    static CompletableFuture<Void> cancelOnceStarted(MiniCluster cluster, JobID id) {
        return TaskStartup.passed(cluster, id, STARTUP_BOUND)
                .thenCompose(ignored -> cluster.cancelJob(id))
                .thenApply(ack -> null);
    }

    private static void awaitAll(List<CompletableFuture<?>> futures, Duration timeout) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Cancellation was requested; a task that ignores it is Flink's to kill, the caller moves on.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cancelling jobs failed", e.getCause());
        }
    }

    private Instant endTime(MiniCluster cluster, JobStatusMessage status) {
        return endTimes.computeIfAbsent(status.getJobId(), id -> {
            try {
                long millis = cluster.getArchivedExecutionGraph(id)
                        .get(RPC_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .getStatusTimestamp(status.getJobState());
                return millis > 0 ? Instant.ofEpochMilli(millis) : Instant.now();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Instant.now();
            } catch (ExecutionException | TimeoutException e) {
                return Instant.now(); // the job ended at the latest now
            }
        });
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(RPC_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the Flink cluster", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the Flink cluster did not answer: " + e, e);
        }
    }
}
