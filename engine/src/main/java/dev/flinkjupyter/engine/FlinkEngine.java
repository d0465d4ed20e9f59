package dev.flinkjupyter.engine;

import dev.flinkjupyter.display.Display;
import dev.flinkjupyter.engine.render.StreamingResultRenderer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.runtime.jobgraph.JobType;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironmentFactory;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * One kernel's embedded Flink: one long-lived local cluster, started on first use, that runs every
 * job of the notebook.
 *
 * <p>Besides {@link #environment()} and {@link #tableEnvironment()}, any
 * {@code StreamExecutionEnvironment.getExecutionEnvironment()} or {@code TableEnvironment.create(...)}
 * in this JVM submits to the same cluster once the engine exists, so that code copied from Flink's
 * documentation runs unchanged. Jobs load user classes through the class loader that holds Flink, so
 * classes defined at run time into that loader (notebook cells) are seen with their current state.
 *
 * <p>The cluster listens on 127.0.0.1 only; its web UI is {@link #webUi()}.
 */
public final class FlinkEngine implements AutoCloseable {

    /** How long {@link #cancelRunningJobs()} and {@link #cancel(String)} wait for jobs to end. */
    static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(5);
    /** How long a question to the cluster about one job may take. */
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

    private final EngineOptions options;
    private final String id = UUID.randomUUID().toString();
    private final Configuration environmentConfiguration;
    private final LocalCluster cluster;
    private final ClusterJobs jobs = new ClusterJobs();
    private final JobProgress progress;
    private final StreamExecutionEnvironmentFactory contextFactory = this::newEnvironment;
    private final SessionSettings settings;
    private StreamExecutionEnvironment environment;
    private volatile SqlSession sql;
    private boolean closed;

    private FlinkEngine(EngineOptions options) {
        this.options = options;
        this.environmentConfiguration = FlinkSettings.forEnvironments(options, id);
        this.settings = new SessionSettings(environmentConfiguration);
        Configuration clusterConfiguration = FlinkSettings.forCluster(options);
        RecordCounters.addTo(clusterConfiguration, id);
        this.cluster = new LocalCluster(clusterConfiguration, options.taskSlots(), options.maxFinishedJobsKept());
        this.progress = new JobProgress(cluster::running, () -> RecordCounters.of(id), cluster::webUi);
    }

    /**
     * Remembers the options and routes the JVM's execution environments to this engine. Cheap: the
     * cluster starts on the first job or the first call of {@link #environment()} or
     * {@link #tableEnvironment()}.
     */
    public static FlinkEngine create(EngineOptions options) {
        QuietLogging.apply();
        FlinkEngine engine = new FlinkEngine(options);
        SharedClusterExecutorFactory.register(engine.id, engine.cluster);
        ContextEnvironment.install(engine.contextFactory);
        // Only the engine can tell a streaming job from a batch one: its cluster ran it.
        Display.renderers().registerLive(TableResult.class, new StreamingResultRenderer(engine::isStreaming));
        return engine;
    }

    public EngineOptions options() {
        return options;
    }

    /**
     * The notebook's {@code env}: AUTOMATIC runtime mode (bounded pipelines run as batch), on the
     * shared cluster. The same instance on every call.
     */
    public synchronized StreamExecutionEnvironment environment() {
        checkOpen();
        if (environment == null) {
            cluster.start();
            environment = newEnvironment(runtimeMode(RuntimeExecutionMode.AUTOMATIC));
            settings.attach(environment);
        }
        return environment;
    }

    /**
     * The notebook's {@code tEnv}: BATCH mode, so that bounded SQL yields final rows rather than a
     * changelog of updates. It is the batch half of {@link #sql()}: tables, views and functions it
     * creates are seen by SQL cells and the other way round. The same instance on every call; create it
     * on the thread that will plan SQL (the planner keeps per-thread state).
     */
    public StreamTableEnvironment tableEnvironment() {
        return sql().batch();
    }

    /**
     * The notebook's SQL: a batch and a streaming table environment over one catalog, and the mode
     * that chooses between them ({@link SqlMode#AUTO} at first). Created on first use, on the calling
     * thread, which should be the one that plans SQL.
     */
    public synchronized SqlSession sql() {
        checkOpen();
        if (sql == null) {
            cluster.start();
            StreamExecutionEnvironment batch = newEnvironment(runtimeMode(RuntimeExecutionMode.BATCH));
            StreamExecutionEnvironment streaming = newEnvironment(runtimeMode(RuntimeExecutionMode.STREAMING));
            settings.attach(batch);
            settings.attach(streaming);
            sql = SqlSession.create(batch, streaming, userClassLoader(), settings);
        }
        return sql;
    }

    /**
     * Sets the default parallelism of the later jobs of {@code env}, {@code tEnv} and SQL.
     *
     * @throws IllegalArgumentException if it is below 1 or above the task slots
     */
    public void setParallelism(int parallelism) {
        if (parallelism < 1 || parallelism > options.taskSlots()) {
            throw new IllegalArgumentException("parallelism must be between 1 and the " + options.taskSlots()
                    + " task slots of the cluster, was " + parallelism);
        }
        set(CoreOptions.DEFAULT_PARALLELISM.key(), String.valueOf(parallelism));
    }

    /**
     * Sets one Flink option ({@code pipeline.auto-watermark-interval}, {@code table.exec.*}, ...) for
     * the later jobs of {@code env}, {@code tEnv} and SQL; {@code execution.runtime-mode} sets the SQL
     * mode ({@code batch}, {@code streaming} or {@code automatic}).
     *
     * @throws IllegalArgumentException if the key is blank or Flink cannot read the value
     */
    public void set(String key, String value) {
        if (key != null && key.strip().equals(ExecutionOptions.RUNTIME_MODE.key())) {
            String mode = value.strip().toLowerCase(java.util.Locale.ROOT);
            sql().mode(SqlMode.parse(mode.equals("automatic") ? "auto" : mode));
            return;
        }
        settings.set(key, value);
    }

    /** Forgets every {@link #set} and {@link #setParallelism}, and the SQL mode goes back to auto. */
    public void reset() {
        settings.reset();
        if (sql != null) {
            sql.mode(SqlMode.AUTO);
        }
    }

    /** The mode, parallelism, slots, web UI, running jobs and changed settings. */
    public EngineStatus status() {
        SqlMode mode = sql != null ? sql.mode() : SqlMode.AUTO;
        List<JobInfo> running = jobs().stream().filter(job -> !job.isTerminal()).toList();
        return new EngineStatus(mode, settings.parallelism(), options.taskSlots(), webUi(), running, settings.changed());
    }

    public boolean isClusterRunning() {
        return cluster.running().isPresent();
    }

    /** The web UI and REST base URL, {@code http://127.0.0.1:PORT/}; empty until the cluster runs. */
    public Optional<URI> webUi() {
        return cluster.webUi();
    }

    /** The cluster's jobs, running and finished (up to {@link EngineOptions#maxFinishedJobsKept()}), oldest first. */
    public List<JobInfo> jobs() {
        return cluster.running().map(jobs::list).orElse(List.of());
    }

    /**
     * Cancels every job that has not ended and waits a few seconds for them to end. A thread blocked
     * collecting a cancelled job's results then fails with an exception. Safe from any thread.
     *
     * @return how many jobs were asked to cancel
     */
    public int cancelRunningJobs() {
        return cluster.running().map(c -> jobs.cancelRunning(c, CANCEL_TIMEOUT)).orElse(0);
    }

    /**
     * Cancels one job and waits a few seconds for it to end; a job that already ended is left alone.
     *
     * @param jobId the job id in hex, as in {@link JobInfo#id()} and the web UI
     * @throws IllegalArgumentException if no job has that id
     */
    public void cancel(String jobId) {
        JobID id = parseJobId(jobId);
        MiniCluster running = cluster.running()
                .orElseThrow(() -> new IllegalArgumentException("No job with id " + jobId));
        jobs.cancel(running, id, CANCEL_TIMEOUT);
    }

    /**
     * Brings the progress line of every job that has ended to its final state now (a job being
     * cancelled is awaited a moment). Every job submitted from a cell that runs longer than a
     * moment shows one line under that cell, updated in place while it runs; the kernel calls this
     * before it answers a cell, so that the cell's output ends with the job's final state.
     */
    public void showFinalProgress() {
        progress.showFinalLines();
    }

    /**
     * Stops the cluster, if it started, cancelling what still runs, and deletes
     * {@link EngineOptions#tempDirectory()} with everything in it. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        ContextEnvironment.uninstall(contextFactory);
        SharedClusterExecutorFactory.unregister(id);
        progress.close();
        try {
            cluster.close();
        } finally {
            TempDirectory.deleteRecursively(options.tempDirectory());
        }
    }

    /** The cluster while it runs; package-private for tests that check there is only one. */
    Optional<MiniCluster> miniCluster() {
        return cluster.running();
    }

    private StreamExecutionEnvironment newEnvironment(Configuration overrides) {
        Configuration configuration = new Configuration(environmentConfiguration);
        configuration.addAll(overrides);
        StreamExecutionEnvironment environment = new StreamExecutionEnvironment(configuration, userClassLoader());
        environment.registerJobListener(progress);
        return environment;
    }

    /** Whether a job of this engine's cluster runs in streaming mode (its results are a changelog). */
    boolean isStreaming(JobID id) {
        return cluster.running().map(c -> {
            try {
                return c.getArchivedExecutionGraph(id).get(ASK_TIMEOUT.toSeconds(), TimeUnit.SECONDS).getJobType()
                        == JobType.STREAMING;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException e) {
                return false; // not a job of this cluster
            }
        }).orElse(false);
    }

    /** Cells define their classes into the loader that holds Flink: the context loader of the cell thread. */
    private static ClassLoader userClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : FlinkEngine.class.getClassLoader();
    }

    private static Configuration runtimeMode(RuntimeExecutionMode mode) {
        Configuration configuration = new Configuration();
        configuration.set(ExecutionOptions.RUNTIME_MODE, mode);
        return configuration;
    }

    private static JobID parseJobId(String jobId) {
        try {
            return JobID.fromHexString(jobId == null ? "" : jobId.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a Flink job id: '" + jobId + "' (expected 32 hex digits)");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the Flink engine is closed");
        }
    }
}
