package dev.flinkjupyter.engine;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.RpcServiceSharing;

/**
 * One {@link MiniCluster}, started on first use and kept for the life of the kernel. Starting takes
 * about 1.4 s, a job on a running cluster about 0.2 s: the default local environment would pay the
 * start for every job.
 */
final class LocalCluster implements AutoCloseable {

    private static final long CLOSE_TIMEOUT_SECONDS = 30;
    private static final long REGISTRATION_POLL_MILLIS = 10;

    private final Configuration configuration;
    private final int taskSlots;
    private final int maxFinishedJobs;
    private MiniCluster miniCluster;
    private URI webUi;
    private boolean closed;
    private int taskManagersReplaced;

    LocalCluster(Configuration configuration, int taskSlots, int maxFinishedJobs) {
        this.configuration = configuration;
        this.taskSlots = taskSlots;
        this.maxFinishedJobs = maxFinishedJobs;
    }

    /** The running cluster, started now if it was not yet. */
    synchronized MiniCluster start() {
        if (closed) {
            throw new IllegalStateException("the Flink engine is closed");
        }
        if (miniCluster == null) {
            MiniCluster cluster = new BoundedHistoryMiniCluster(new MiniClusterConfiguration.Builder()
                    .setConfiguration(configuration)
                    .setNumTaskManagers(1)
                    .setNumSlotsPerTaskManager(taskSlots)
                    .setRpcServiceSharing(RpcServiceSharing.SHARED) // one in-process RPC service, no extra ports
                    .setCommonBindAddress(FlinkSettings.LOOPBACK)
                    .build(),
                    maxFinishedJobs);
            try {
                cluster.start();
                webUi = withTrailingSlash(cluster.getRestAddress().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
                awaitTaskManager(cluster);
            } catch (Exception e) {
                cluster.closeAsync();
                throw new IllegalStateException("cannot start the local Flink cluster: " + e.getMessage(), e);
            }
            miniCluster = cluster;
        }
        return miniCluster;
    }

    /**
     * Starts a task manager if the cluster has none left, and waits until it offers its slots;
     * returns whether it did. The MiniCluster closes a task manager that reports a fatal error (a task
     * whose clean-up fails, such as a collect sink cancelled before it opened) and never starts
     * another, so every later job would wait for slots until it times out.
     */
    synchronized boolean replaceLostTaskManager() {
        if (miniCluster == null || taskManagers(miniCluster) > 0) {
            return false;
        }
        try {
            miniCluster.startTaskManager();
            taskManagersReplaced++;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a new Flink task manager: " + e.getMessage(), e);
        }
        awaitTaskManager(miniCluster);
        return true;
    }

    /** Waits until a task manager has registered: until then the cluster cannot tell a lost one from a late one. */
    private static void awaitTaskManager(MiniCluster cluster) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_TIMEOUT_SECONDS);
        while (taskManagers(cluster) == 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("no Flink task manager registered within " + CLOSE_TIMEOUT_SECONDS + " s");
            }
            try {
                Thread.sleep(REGISTRATION_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while a Flink task manager registers", e);
            }
        }
    }

    synchronized int taskManagersReplaced() {
        return taskManagersReplaced;
    }

    private static int taskManagers(MiniCluster cluster) {
        try {
            return cluster.getResourceOverview()
                    .get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .getNumberTaskManagers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the Flink cluster", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the Flink cluster did not answer: " + e, e);
        }
    }

    /** The cluster if it has been started and not closed; never starts it. */
    synchronized Optional<MiniCluster> running() {
        return Optional.ofNullable(miniCluster);
    }

    synchronized Optional<URI> webUi() {
        return Optional.ofNullable(webUi);
    }

    /** Stops the cluster, cancelling what still runs. Idempotent; the cluster cannot start again. */
    @Override
    public synchronized void close() {
        closed = true;
        if (miniCluster != null) {
            MiniCluster cluster = miniCluster;
            miniCluster = null;
            webUi = null;
            try {
                cluster.closeAsync().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the local Flink cluster did not shut down cleanly: " + e, e);
            }
        }
    }

    private static URI withTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? uri : URI.create(text + "/");
    }
}
