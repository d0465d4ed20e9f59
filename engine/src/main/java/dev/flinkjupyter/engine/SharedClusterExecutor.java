package dev.flinkjupyter.engine;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.dag.Pipeline;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CacheSupportedPipelineExecutor;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.jobgraph.JobType;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient.JobFinalizationBehavior;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.operators.collect.CollectSinkOperatorFactory;
import org.apache.flink.util.AbstractID;

/**
 * Submits a pipeline to the engine's long-lived cluster instead of a new MiniCluster per job.
 *
 * <p>No user jars are shipped, so the tasks load user classes through the class loader that holds
 * Flink itself: cell classes defined there are seen with their current static state.
 *
 * <p>It tells the environment which cached intermediate results ({@code DataStream.cache()}) the
 * cluster holds: without that, every job would produce a cache again under the same id, and the
 * task manager dies of the duplicate partitions (a fatal {@code IllegalStateException} in
 * {@code ClusterPartitionReport}), leaving later jobs waiting forever.
 */
final class SharedClusterExecutor implements CacheSupportedPipelineExecutor {

    private final LocalCluster cluster;

    SharedClusterExecutor(LocalCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public CompletableFuture<JobClient> execute(
            Pipeline pipeline, Configuration configuration, ClassLoader userCodeClassLoader) throws Exception {
        StreamGraph streamGraph = PipelineExecutorUtils.getStreamGraph(pipeline, configuration);
        boolean collects = collectsResults(streamGraph);
        PromptCollectJobClient.Waits waits = streamGraph.getJobType() == JobType.BATCH
                ? PromptCollectJobClient.Waits.BATCH
                : PromptCollectJobClient.Waits.STREAMING;
        streamGraph.serializeUserDefinedInstances();
        MiniCluster miniCluster = cluster.start();
        cluster.replaceLostTaskManager();
        long submitted = System.nanoTime();
        return miniCluster.submitJob(streamGraph).thenApply(submission -> {
            JobID id = submission.getJobID();
            JobClient client = new StartedCancelJobClient(new MiniClusterJobClient(
                    id,
                    miniCluster,
                    userCodeClassLoader,
                    // SHUTDOWN_CLUSTER would stop the shared cluster after this one job.
                    JobFinalizationBehavior.NOTHING), miniCluster);
            // Flink's result fetcher polls in 100 ms steps; this client lets it see results sooner.
            if (!collects) {
                return client;
            }
            return new PromptCollectJobClient(client, miniCluster.requestJobResult(id), submitted, waits);
        });
    }

    @Override
    public CompletableFuture<Set<AbstractID>> listCompletedClusterDatasetIds(
            Configuration configuration, ClassLoader userCodeClassLoader) {
        return cluster.running().map(MiniCluster::listCompletedClusterDatasetIds)
                .orElseGet(() -> CompletableFuture.completedFuture(Set.of()));
    }

    /**
     * Releases a cached result. The future completes when the task managers confirm, with their
     * next heartbeat (up to 10 s later); a job that makes the same result again must wait for it,
     * or it fails on the partitions still there.
     */
    @Override
    public CompletableFuture<Void> invalidateClusterDataset(
            AbstractID clusterDatasetId, Configuration configuration, ClassLoader userCodeClassLoader) {
        return cluster.running().map(miniCluster -> miniCluster.invalidateClusterDataset(clusterDatasetId))
                .orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    /** Whether the job sends results back to the caller: executeAndCollect, collectAsync, TableResult.collect. */
    private static boolean collectsResults(StreamGraph streamGraph) {
        return streamGraph.getStreamNodes().stream()
                .anyMatch(node -> node.getOperatorFactory() instanceof CollectSinkOperatorFactory);
    }
}
