package dev.flinkjupyter.engine;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.runtime.operators.coordination.CoordinationRequest;
import org.apache.flink.runtime.operators.coordination.CoordinationRequestGateway;
import org.apache.flink.runtime.operators.coordination.CoordinationResponse;

/**
 * The shared cluster's client of one job, whose {@link #cancel()} waits until the job's tasks have
 * opened their operators (see {@link TaskStartup}). Closing a collect iterator right after the job
 * started (a live display stopped at once, {@code executeAndCollect(n)} satisfied early) cancels
 * through here.
 */
final class StartedCancelJobClient implements JobClient, CoordinationRequestGateway {

    private final MiniClusterJobClient client;
    private final MiniCluster cluster;

    StartedCancelJobClient(MiniClusterJobClient client, MiniCluster cluster) {
        this.client = client;
        this.cluster = cluster;
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return ClusterJobs.cancelOnceStarted(cluster, client.getJobID());
    }

    @Override
    public JobID getJobID() {
        return client.getJobID();
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        return client.getJobStatus();
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(
            boolean advanceToEndOfEventTime, String savepointDirectory, SavepointFormatType formatType) {
        return client.stopWithSavepoint(advanceToEndOfEventTime, savepointDirectory, formatType);
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String savepointDirectory, SavepointFormatType formatType) {
        return client.triggerSavepoint(savepointDirectory, formatType);
    }

    @Override
    public CompletableFuture<Map<String, Object>> getAccumulators() {
        return client.getAccumulators();
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return client.getJobExecutionResult();
    }

    @Override
    public void reportHeartbeat(long expiredTimestamp) {
        client.reportHeartbeat(expiredTimestamp);
    }

    @Override
    public CompletableFuture<CoordinationResponse> sendCoordinationRequest(String operatorUid, CoordinationRequest request) {
        return client.sendCoordinationRequest(operatorUid, request);
    }
}
