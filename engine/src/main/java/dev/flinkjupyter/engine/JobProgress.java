package dev.flinkjupyter.engine;

import dev.flinkjupyter.display.Display;
import dev.flinkjupyter.display.DisplayHandle;
import dev.flinkjupyter.display.DisplayTarget;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.JobListener;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;

/**
 * The progress line of every job a cell submits: shown under that cell once the job has run for
 * {@link #SHOW_AFTER} (a quick job shows nothing), updated in place every {@link #EVERY}, and
 * left in the job's final state.
 *
 * <p>It is a {@link JobListener} of every environment the engine makes, so it hears of each job
 * on the thread that submits it (the cell's), and takes the cell's display target there. The
 * numbers come from the cluster itself: name, state, tasks and times from the job's execution
 * graph (fresh at each look, where the REST API caches it for seconds), records from
 * {@link RecordCounters}.
 */
final class JobProgress implements JobListener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JobProgress.class.getName());

    /** A job that ends sooner shows no line. */
    static final Duration SHOW_AFTER = Duration.ofMillis(300);
    /** How often a line is redrawn while its job runs. */
    static final Duration EVERY = Duration.ofMillis(500);
    /** How long {@link #showFinalLines()} waits for a job that is being cancelled or failing to end. */
    static final Duration ENDING_WAIT = Duration.ofSeconds(2);
    private static final long ASK_TIMEOUT_SECONDS = 5;

    private final Supplier<Optional<MiniCluster>> cluster;
    private final Supplier<Optional<RecordCounters>> records;
    private final Supplier<Optional<URI>> webUi;
    private final Map<JobID, Watch> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-progress");
        t.setDaemon(true);
        return t;
    });

    JobProgress(
            Supplier<Optional<MiniCluster>> cluster,
            Supplier<Optional<RecordCounters>> records,
            Supplier<Optional<URI>> webUi) {
        this.cluster = cluster;
        this.records = records;
        this.webUi = webUi;
    }

    @Override
    public void onJobSubmitted(JobClient client, Throwable failure) {
        if (client != null) {
            watch(client.getJobID(), Display.currentCell());
        }
    }

    @Override
    public void onJobExecuted(JobExecutionResult result, Throwable failure) {
        // the job's end is heard from the cluster, for every kind of job alike
    }

    /** Starts following a job; its line, if it gets one, goes to {@code target}. */
    void watch(JobID id, DisplayTarget target) {
        Optional<MiniCluster> running = cluster.get();
        if (running.isEmpty() || timer.isShutdown()) {
            return;
        }
        Watch watch = new Watch(id, target);
        watches.put(id, watch);
        watch.ticks = timer.scheduleWithFixedDelay(
                () -> refresh(watch), SHOW_AFTER.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        running.get().requestJobResult(id).whenComplete((result, error) -> {
            if (!timer.isShutdown()) {
                timer.execute(() -> ended(watch));
            }
        });
    }

    /** A job ended: its line, if it has one, shows the final state; a quick job is just forgotten. */
    private void ended(Watch watch) {
        synchronized (watch) {
            if (watch.handle == null) {
                finish(watch); // most jobs: no need to ask the cluster about one that shows nothing
            } else {
                refresh(watch);
            }
        }
    }

    /**
     * Brings the line of every shown job that has ended to its final state now, on the calling
     * thread; a job being cancelled or failing is awaited a little. The kernel calls this before it
     * answers a cell, so that the cell's output ends with FINISHED rather than the last RUNNING.
     */
    void showFinalLines() {
        for (Watch watch : List.copyOf(watches.values())) {
            if (!watch.shown()) {
                continue;
            }
            Optional<MiniCluster> running = cluster.get();
            if (running.isPresent() && isEnding(running.get(), watch.id)) {
                try {
                    running.get().requestJobResult(watch.id).get(ENDING_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | TimeoutException e) {
                    // drawn in whatever state it is in now
                }
            }
            refresh(watch);
        }
    }

    /** The jobs followed now (for tests). */
    int watched() {
        return watches.size();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        watches.clear();
    }

    private static boolean isEnding(MiniCluster cluster, JobID id) {
        try {
            JobStatus status = cluster.getJobStatus(id).get(ASK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return status == JobStatus.CANCELLING || status == JobStatus.FAILING;
        } catch (Exception e) {
            return false;
        }
    }

    private void refresh(Watch watch) {
        synchronized (watch) {
            if (watch.done) {
                return;
            }
            Optional<JobProgressLine> line;
            try {
                line = look(watch.id);
            } catch (RuntimeException e) {
                LOG.fine("cannot follow job " + watch.id + ": " + e);
                line = Optional.empty();
            }
            if (line.isEmpty()) {
                finish(watch); // the cluster is gone or forgot the job
                return;
            }
            boolean ended = line.get().state().isGloballyTerminalState();
            if (watch.handle == null) {
                if (ended || System.nanoTime() - watch.submitted < SHOW_AFTER.toNanos()) {
                    if (ended) {
                        finish(watch); // a quick job: no line at all
                    }
                    return;
                }
                String text = line.get().text();
                watch.handle = watch.target.display(line.get().bundle());
                watch.drawn = text;
            } else {
                String text = line.get().text();
                if (!text.equals(watch.drawn)) {
                    watch.handle.update(line.get().bundle());
                    watch.drawn = text;
                }
            }
            if (ended) {
                finish(watch);
            }
        }
    }

    private void finish(Watch watch) {
        watch.done = true;
        if (watch.ticks != null) {
            watch.ticks.cancel(false);
        }
        watches.remove(watch.id, watch);
        records.get().ifPresent(r -> r.forget(watch.id));
    }

    /** The job as it is now, or empty when the cluster does not know it (any more). */
    private Optional<JobProgressLine> look(JobID id) {
        Optional<MiniCluster> running = cluster.get();
        if (running.isEmpty()) {
            return Optional.empty();
        }
        AccessExecutionGraph graph;
        try {
            graph = running.get().getArchivedExecutionGraph(id).get(ASK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
        int tasks = 0;
        int finished = 0;
        for (AccessExecutionVertex vertex : graph.getAllExecutionVertices()) {
            tasks++;
            if (vertex.getExecutionState() == ExecutionState.FINISHED) {
                finished++;
            }
        }
        JobStatus state = graph.getState();
        long start = graph.getStatusTimestamp(JobStatus.INITIALIZING);
        long end = state.isGloballyTerminalState() ? graph.getStatusTimestamp(state) : System.currentTimeMillis();
        RecordCounters.Records counted = records.get().map(r -> r.of(id)).orElse(RecordCounters.Records.NONE);
        return Optional.of(new JobProgressLine(
                id.toHexString(),
                graph.getJobName(),
                state,
                finished,
                tasks,
                graph.getPendingOperatorCount() > 0,
                counted.in(),
                counted.out(),
                Duration.ofMillis(start > 0 && end >= start ? end - start : 0),
                webUi.get()));
    }

    /** One job followed: where its line goes, and the line once shown. */
    private static final class Watch {
        final JobID id;
        final DisplayTarget target;
        final long submitted = System.nanoTime();
        ScheduledFuture<?> ticks;
        DisplayHandle handle;
        String drawn;
        boolean done;

        Watch(JobID id, DisplayTarget target) {
            this.id = id;
            this.target = target;
        }

        synchronized boolean shown() {
            return handle != null && !done;
        }
    }
}
