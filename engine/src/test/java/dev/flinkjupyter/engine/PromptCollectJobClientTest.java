package dev.flinkjupyter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.operators.coordination.CoordinationRequest;
import org.apache.flink.runtime.operators.coordination.CoordinationRequestGateway;
import org.apache.flink.runtime.operators.coordination.CoordinationResponse;
import org.apache.flink.streaming.api.operators.collect.CollectCoordinationRequest;
import org.apache.flink.streaming.api.operators.collect.CollectCoordinationResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client on its own, against a fake cluster client. Waits that must not end are given bounds of
 * an hour, so that "not answered yet" never depends on how fast the machine is; waits that must
 * end are awaited with a generous liveness guard.
 */
@Timeout(120) // liveness guard for the whole class, not a timing assertion
class PromptCollectJobClientTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final PromptCollectJobClient.Waits LONG_WAITS = new PromptCollectJobClient.Waits(HOUR, HOUR, HOUR, Duration.ZERO);
    private static final long GUARD_SECONDS = 30; // liveness guard, not a timing assertion

    private static final String UID = "collect-sink-uid";
    private static final CoordinationRequest FIRST_REQUEST = new CollectCoordinationRequest("", 0);
    private static final CoordinationResponse NO_SINK_YET = new CollectCoordinationResponse("", -1, List.of());
    private static final CoordinationResponse SINK_ANSWER = new CollectCoordinationResponse("v1", 0, List.of());

    private final FakeClusterClient cluster = new FakeClusterClient();
    private final CompletableFuture<Object> jobEnd = new CompletableFuture<>();

    @Test
    void theFirstCheckIsAnsweredWhenTheJobEnds() throws Exception {
        var client = new PromptCollectJobClient(cluster, jobEnd, System.nanoTime(), LONG_WAITS);

        CompletableFuture<JobStatus> status = client.getJobStatus();
        assertThat(status).isNotDone();
        assertThat(cluster.statusCalls).hasValue(0);

        cluster.status = JobStatus.FINISHED;
        jobEnd.complete("result");
        assertThat(status.get(GUARD_SECONDS, TimeUnit.SECONDS)).isEqualTo(JobStatus.FINISHED);
        assertThat(cluster.statusCalls).hasValue(1);
    }

    @Test
    void aJobThatFailsEndsTheWaitToo() throws Exception {
        var client = new PromptCollectJobClient(cluster, jobEnd, System.nanoTime(), LONG_WAITS);

        CompletableFuture<JobStatus> status = client.getJobStatus();
        cluster.status = JobStatus.FAILED;
        jobEnd.completeExceptionally(new RuntimeException("the job failed"));

        assertThat(status.get(GUARD_SECONDS, TimeUnit.SECONDS)).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void theFirstCheckWaitIsBounded() throws Exception {
        var waits = new PromptCollectJobClient.Waits(Duration.ofMillis(50), HOUR, HOUR, Duration.ZERO);
        var client = new PromptCollectJobClient(cluster, jobEnd, System.nanoTime(), waits);

        assertThat(client.getJobStatus().get(GUARD_SECONDS, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
        assertThat(jobEnd).isNotDone();
    }

    @Test
    void aJobSubmittedLongAgoIsAnsweredAtOnce() {
        long twoHoursAgo = System.nanoTime() - Duration.ofHours(2).toNanos();
        var client = new PromptCollectJobClient(cluster, jobEnd, twoHoursAgo, LONG_WAITS);

        assertThat(client.getJobStatus()).isCompletedWithValue(JobStatus.RUNNING);
        cluster.answers.add(() -> CompletableFuture.failedFuture(new IllegalStateException("not running yet")));
        client.sendCoordinationRequest(UID, FIRST_REQUEST);
        assertThat(client.getJobStatus()).isCompletedWithValue(JobStatus.RUNNING);
    }

    @Test
    void anEndedJobIsAnsweredAtOnce() {
        var client = new PromptCollectJobClient(cluster, jobEnd, System.nanoTime(), LONG_WAITS);
        cluster.status = JobStatus.CANCELED;
        jobEnd.complete("result");

        assertThat(client.getJobStatus()).isCompletedWithValue(JobStatus.CANCELED);
    }

    @Test
    void whileTheSinkAnswersChecksAreAnsweredAtOnce() {
        var client = new PromptCollectJobClient(cluster, jobEnd, System.nanoTime(), LONG_WAITS);
        cluster.answers.add(() -> CompletableFuture.completedFuture(SINK_ANSWER));

        assertThat(client.sendCoordinationRequest(UID, FIRST_REQUEST)).isCompletedWithValue(SINK_ANSWER);
        assertThat(client.getJobStatus()).isCompletedWithValue(JobStatus.RUNNING);
        assertThat(cluster.requests).hasSize(1);
    }

    @Test
    void afterAnUnreachableSinkTheCheckWaitsUntilTheSinkAnswers() throws Exception {
        var client = new PromptCollectJobClient(cluster, jobEnd, System.nanoTime(), LONG_WAITS);
        cluster.answers.add(() -> CompletableFuture.failedFuture(new IllegalStateException("coordinator not there yet")));
        cluster.answers.add(() -> CompletableFuture.failedFuture(new IllegalStateException("coordinator not there yet")));
        cluster.answers.add(() -> CompletableFuture.completedFuture(NO_SINK_YET));
        cluster.answers.add(() -> CompletableFuture.completedFuture(SINK_ANSWER));

        assertThatThrownBy(() -> client.sendCoordinationRequest(UID, FIRST_REQUEST).get())
                .isInstanceOf(ExecutionException.class);
        CompletableFuture<JobStatus> status = client.getJobStatus();

        assertThat(status.get(GUARD_SECONDS, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
        assertThat(jobEnd).isNotDone();
        // the fetcher's request, then the same request repeated until the sink answered it
        assertThat(cluster.requests).hasSize(4).allSatisfy(sent -> {
            assertThat(sent.uid()).isEqualTo(UID);
            assertThat(sent.request()).isSameAs(FIRST_REQUEST);
        });
        assertThat(cluster.answers).isEmpty();
    }

    @Test
    void theSinksAnswerToTheRepetitionServesTheFetchersNextIdenticalRequest() throws Exception {
        var client = new PromptCollectJobClient(cluster, jobEnd, System.nanoTime(), LONG_WAITS);
        cluster.answers.add(() -> CompletableFuture.failedFuture(new IllegalStateException("not running yet")));
        cluster.answers.add(() -> CompletableFuture.completedFuture(SINK_ANSWER));
        CoordinationResponse later = new CollectCoordinationResponse("v1", 0, List.of(new byte[] {1}));
        cluster.defaultAnswer = () -> CompletableFuture.completedFuture(later);

        assertThatThrownBy(() -> client.sendCoordinationRequest(UID, FIRST_REQUEST).get())
                .isInstanceOf(ExecutionException.class);
        assertThat(client.getJobStatus().get(GUARD_SECONDS, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
        assertThat(cluster.requests).hasSize(2);

        // the fetcher builds a new request object with the same content
        assertThat(client.sendCoordinationRequest(UID, new CollectCoordinationRequest("", 0)))
                .isCompletedWithValue(SINK_ANSWER);
        assertThat(cluster.requests).as("answered without asking the sink again").hasSize(2);
        assertThat(client.getJobStatus()).isCompletedWithValue(JobStatus.RUNNING);

        // used once only
        assertThat(client.sendCoordinationRequest(UID, new CollectCoordinationRequest("", 0)).get())
                .isSameAs(later);
        assertThat(cluster.requests).hasSize(3);
    }

    @Test
    void theSinksAnswerToTheRepetitionServesNoOtherRequest() throws Exception {
        var client = new PromptCollectJobClient(cluster, jobEnd, System.nanoTime(), LONG_WAITS);
        cluster.answers.add(() -> CompletableFuture.failedFuture(new IllegalStateException("not running yet")));
        cluster.answers.add(() -> CompletableFuture.completedFuture(SINK_ANSWER));
        CoordinationResponse other = new CollectCoordinationResponse("v1", 0, List.of());
        cluster.defaultAnswer = () -> CompletableFuture.completedFuture(other);

        assertThatThrownBy(() -> client.sendCoordinationRequest(UID, FIRST_REQUEST).get())
                .isInstanceOf(ExecutionException.class);
        client.getJobStatus().get(GUARD_SECONDS, TimeUnit.SECONDS);

        assertThat(client.sendCoordinationRequest(UID, new CollectCoordinationRequest("v1", 0)).get()).isSameAs(other);
        assertThat(client.sendCoordinationRequest("another-sink", FIRST_REQUEST).get()).isSameAs(other);
        assertThat(client.sendCoordinationRequest(UID, FIRST_REQUEST).get()).isSameAs(other);
        assertThat(cluster.requests).hasSize(5);
    }

    @Test
    void aBatchJobsCheckWaitsOnForTheEndOnceTheSinkCanBeReached() throws Exception {
        var waits = new PromptCollectJobClient.Waits(HOUR, HOUR, HOUR, HOUR);
        var client = new PromptCollectJobClient(cluster, jobEnd, System.nanoTime(), waits);
        cluster.answers.add(() -> CompletableFuture.completedFuture(NO_SINK_YET));
        cluster.answers.add(() -> CompletableFuture.completedFuture(SINK_ANSWER));

        client.sendCoordinationRequest(UID, FIRST_REQUEST);
        CompletableFuture<JobStatus> status = client.getJobStatus();
        assertThat(cluster.answers).as("the probe reached the sink").isEmpty();
        assertThat(status).isNotDone();

        cluster.status = JobStatus.FINISHED;
        jobEnd.complete("result");
        assertThat(status.get(GUARD_SECONDS, TimeUnit.SECONDS)).isEqualTo(JobStatus.FINISHED);
    }

    @Test
    void anAnswerWithoutASinkCountsAsUnreachable() throws Exception {
        var client = new PromptCollectJobClient(cluster, jobEnd, System.nanoTime(), LONG_WAITS);
        cluster.answers.add(() -> CompletableFuture.completedFuture(NO_SINK_YET));
        cluster.defaultAnswer = () -> CompletableFuture.completedFuture(NO_SINK_YET);

        assertThat(client.sendCoordinationRequest(UID, FIRST_REQUEST)).isCompletedWithValue(NO_SINK_YET);
        CompletableFuture<JobStatus> status = client.getJobStatus();
        while (cluster.requests.size() < 3) {
            Thread.sleep(5); // the probes go on while the sink cannot be reached
        }
        assertThat(status).isNotDone();

        cluster.status = JobStatus.FINISHED;
        jobEnd.complete("result");
        assertThat(status.get(GUARD_SECONDS, TimeUnit.SECONDS)).isEqualTo(JobStatus.FINISHED);
        int probes = cluster.requests.size();
        Thread.sleep(100);
        assertThat(cluster.requests).as("no probe after the job ended").hasSizeLessThanOrEqualTo(probes + 1);
    }

    @Test
    void theWaitForAnUnreachableSinkIsBounded() throws Exception {
        var waits = new PromptCollectJobClient.Waits(HOUR, Duration.ofMillis(50), HOUR, Duration.ZERO);
        var client = new PromptCollectJobClient(cluster, jobEnd, System.nanoTime(), waits);
        cluster.defaultAnswer = () -> CompletableFuture.failedFuture(new IllegalStateException("not running yet"));

        assertThatThrownBy(() -> client.sendCoordinationRequest(UID, FIRST_REQUEST).get())
                .isInstanceOf(ExecutionException.class);
        assertThat(client.getJobStatus().get(GUARD_SECONDS, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aFailingStatusRequestFailsTheCheck() {
        var client = new PromptCollectJobClient(cluster, jobEnd, System.nanoTime(), LONG_WAITS);
        cluster.statusFailure = new IllegalStateException("job not found");
        jobEnd.complete("result");

        assertThat(client.getJobStatus()).isCompletedExceptionally();
    }

    @Test
    void everythingElseIsDelegated() {
        var client = new PromptCollectJobClient(cluster, jobEnd, System.nanoTime(), LONG_WAITS);

        assertThat(client.getJobID()).isEqualTo(cluster.id);
        assertThat(client.cancel()).isSameAs(cluster.cancelled);
        assertThat(client.getJobExecutionResult()).isSameAs(cluster.result);
        assertThat(client.getAccumulators()).isSameAs(cluster.accumulators);
        assertThat(client.triggerSavepoint("dir", SavepointFormatType.CANONICAL)).isSameAs(cluster.savepoint);
        assertThat(client.stopWithSavepoint(false, "dir", SavepointFormatType.CANONICAL)).isSameAs(cluster.savepoint);
        client.reportHeartbeat(42);
        assertThat(cluster.heartbeat).isEqualTo(42);
    }

    @Test
    void refusesAClientThatCannotReachCoordinators() {
        JobClient plain = cluster.asPlainJobClient();

        assertThatThrownBy(() -> new PromptCollectJobClient(plain, jobEnd, System.nanoTime(), LONG_WAITS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private record Sent(String uid, CoordinationRequest request) {}

    /** Stands in for the cluster's client: answers result requests from a queue, then with a default. */
    private static class FakeClusterClient implements JobClient, CoordinationRequestGateway {
        final JobID id = new JobID();
        final CompletableFuture<Void> cancelled = new CompletableFuture<>();
        final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
        final CompletableFuture<Map<String, Object>> accumulators = new CompletableFuture<>();
        final CompletableFuture<String> savepoint = new CompletableFuture<>();
        final AtomicInteger statusCalls = new AtomicInteger();
        final ConcurrentLinkedQueue<Supplier<CompletableFuture<CoordinationResponse>>> answers =
                new ConcurrentLinkedQueue<>();
        final List<Sent> requests = new CopyOnWriteArrayList<>();
        volatile Supplier<CompletableFuture<CoordinationResponse>> defaultAnswer =
                () -> CompletableFuture.completedFuture(SINK_ANSWER);
        volatile JobStatus status = JobStatus.RUNNING;
        volatile RuntimeException statusFailure;
        volatile long heartbeat;

        @Override
        public JobID getJobID() {
            return id;
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            statusCalls.incrementAndGet();
            return statusFailure != null
                    ? CompletableFuture.failedFuture(statusFailure)
                    : CompletableFuture.completedFuture(status);
        }

        @Override
        public CompletableFuture<CoordinationResponse> sendCoordinationRequest(
                String operatorUid, CoordinationRequest request) {
            requests.add(new Sent(operatorUid, request));
            Supplier<CompletableFuture<CoordinationResponse>> answer = answers.poll();
            return (answer != null ? answer : defaultAnswer).get();
        }

        @Override
        public CompletableFuture<Void> cancel() {
            return cancelled;
        }

        @Override
        public CompletableFuture<String> stopWithSavepoint(
                boolean advanceToEndOfEventTime, String savepointDirectory, SavepointFormatType formatType) {
            return savepoint;
        }

        @Override
        public CompletableFuture<String> triggerSavepoint(String savepointDirectory, SavepointFormatType formatType) {
            return savepoint;
        }

        @Override
        public CompletableFuture<Map<String, Object>> getAccumulators() {
            return accumulators;
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            return result;
        }

        @Override
        public void reportHeartbeat(long expiredTimestamp) {
            heartbeat = expiredTimestamp;
        }

        /** The same client seen through the JobClient interface only. */
        JobClient asPlainJobClient() {
            return (JobClient) Proxy.newProxyInstance(
                    JobClient.class.getClassLoader(), new Class<?>[] {JobClient.class}, (proxy, method, args) -> {
                        try {
                            return method.invoke(this, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
