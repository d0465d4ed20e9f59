package dev.flinkjupyter.engine;

import java.util.concurrent.CompletableFuture;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;

/**
 * The shared cluster's client of one job, whose {@link #cancel()} waits until the job's tasks have
 * opened their operators (see {@link TaskStartup}). Closing a collect iterator right after the job
 * started (a live display stopped at once, {@code executeAndCollect(n)} satisfied early) cancels
 * through here.
 */
final class StartedCancelJobClient extends ForwardingJobClient {

    private final MiniCluster cluster;

    StartedCancelJobClient(MiniClusterJobClient client, MiniCluster cluster) {
        super(client);
        this.cluster = cluster;
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return ClusterJobs.cancelOnceStarted(cluster, client.getJobID());
    }
}
