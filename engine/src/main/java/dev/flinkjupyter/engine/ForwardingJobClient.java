package dev.flinkjupyter.engine;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.operators.coordination.CoordinationRequest;
import org.apache.flink.runtime.operators.coordination.CoordinationRequestGateway;
import org.apache.flink.runtime.operators.coordination.CoordinationResponse;

/**
 * A job client that hands every call to the cluster's own client of the job; a subclass overrides
 * the few calls it answers differently. The client must also reach the job's coordinators
 * ({@link CoordinationRequestGateway}), since Flink's result fetcher asks the collect sink through it.
 */
abstract class ForwardingJobClient implements JobClient, CoordinationRequestGateway {
    /** The client every call goes to. */
    protected final JobClient client;
    /** The same client, as the gateway to the job's coordinators. */
    protected final CoordinationRequestGateway gateway;

    /** @param client the cluster's client of the job; must also be a {@link CoordinationRequestGateway} */
    ForwardingJobClient(JobClient client) {
        if (!(client instanceof CoordinationRequestGateway requestGateway)) {
            throw new IllegalArgumentException("the job client must be a CoordinationRequestGateway: " + client);
        }
        this.client = client;
        this.gateway = requestGateway;
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
    public CompletableFuture<Void> cancel() {
        return client.cancel();
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
    public CompletableFuture<CoordinationResponse> sendCoordinationRequest(
            String operatorUid, CoordinationRequest request) {
        return gateway.sendCoordinationRequest(operatorUid, request);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + client + "]";
    }
}
