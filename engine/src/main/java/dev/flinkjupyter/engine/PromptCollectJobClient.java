package dev.flinkjupyter.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.operators.coordination.CoordinationRequest;
import org.apache.flink.runtime.operators.coordination.CoordinationRequestGateway;
import org.apache.flink.runtime.operators.coordination.CoordinationResponse;
import org.apache.flink.streaming.api.operators.collect.CollectCoordinationRequest;
import org.apache.flink.streaming.api.operators.collect.CollectCoordinationResponse;

/**
 * The client of a job that sends its results back to the notebook ({@code executeAndCollect},
 * {@code collectAsync}, {@code TableResult.collect()}). It delegates everything to the cluster's own
 * client, but answers the result fetcher's status checks once something happened rather than at once.
 *
 * <p>Flink's result fetcher loops: it asks {@link #getJobStatus()}; if the job ended it reads the
 * remaining results from the job's accumulators; otherwise it asks the collect sink for results
 * through {@link #sendCoordinationRequest}, and if none came back, or the sink could not be reached,
 * it sleeps 100 ms before the next round. Only the first round of each fetch goes without the sleep.
 * A trivial job ends some 100 ms after submission, before its sink can be asked, so every such job
 * used to pay two or three of those sleeps. This client waits, bounded, inside the status check:
 * <ul>
 *   <li>The first check, before any result request: it is answered when the job ends, but not later
 *       than {@link Waits#firstCheck()} after submission. A short job is then seen as ended in the
 *       first round, and its results are read without any sleep.</li>
 *   <li>A check after a result request that did not reach the sink (the job, the sink's coordinator
 *       or the sink itself not running yet): it is answered when the job ends or the sink can be
 *       reached (for a batch job: up to {@link Waits#afterSinkReached()} later, unless it ends
 *       before), but within {@link Waits#notReady()}, and only while the job is younger than
 *       {@link Waits#youth()}. Whether the sink can be reached is learnt by repeating the fetcher's
 *       last request a few milliseconds apart: the fetcher would send the very same one next (nothing
 *       in it changed since its last answer), and the sink answers a repeated request alike without
 *       dropping anything. The sink's answer to the repetition is handed to the fetcher's next,
 *       identical request instead of asking the sink again.</li>
 *   <li>Any other check, e.g. while the sink delivers results or once the job is older than
 *       {@link Waits#youth()}, is answered at once, so the fetcher polls as it always did.</li>
 * </ul>
 * Every wait ends as soon as the job ends, however it ends (finished, failed, cancelled, or the
 * cluster shut down), and the status answered is the cluster's own at that moment. The waits are
 * futures completed by the job's end, by the sink's answer or by a timer: no thread is held here.
 */
final class PromptCollectJobClient extends ForwardingJobClient {

    /**
     * The bounds of the waits.
     *
     * @param firstCheck how long after submission the first status check may wait for the job to end
     * @param notReady how long one status check may wait for a sink that cannot be reached yet
     * @param youth how old a job may be for its status checks to wait for an unreachable sink
     * @param afterSinkReached how long such a check still waits for the job's end once the sink can
     *     be reached (but never past {@code notReady})
     */
    record Waits(Duration firstCheck, Duration notReady, Duration youth, Duration afterSinkReached) {

        /**
         * For streaming jobs, which mostly run until cancelled: the first check does not wait for an
         * end, and a sink that can be reached is asked at once, as its results come while the job runs.
         */
        static final Waits STREAMING =
                new Waits(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ZERO);

        /**
         * For batch jobs: the sink runs in the last stage and mostly ends soon after it starts. Asking
         * it costs the fetcher a sleep of 100 ms anyway (its first answer carries no results), so the
         * check waits up to as long for the end, which delivers all results at once.
         */
        static final Waits BATCH = new Waits(
                Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(100));
    }

    private static final long FIRST_PROBE_PAUSE_MILLIS = 5;
    private static final long MAX_PROBE_PAUSE_MILLIS = 20;

    private final CompletableFuture<Void> ended;
    private final long submittedNanos;
    private final Waits waits;

    // The fetcher's last result request and whether it reached the sink; guarded by this.
    private String lastOperatorUid;
    private CoordinationRequest lastRequest;
    private boolean sinkReached;
    // The sink's answer to a repetition of that request, kept for the fetcher's next request; guarded by this.
    private CoordinationRequest answeredRequest;
    private CoordinationResponse answer;

    /**
     * @param client the cluster's client of the job; must also be a {@link CoordinationRequestGateway}
     * @param jobEnd completes, normally or not, once the job reached a globally terminal state
     * @param submittedNanos {@link System#nanoTime()} at the job's submission
     * @param waits the bounds of the waits, normally {@link Waits#BATCH} or {@link Waits#STREAMING}
     */
    PromptCollectJobClient(JobClient client, CompletableFuture<?> jobEnd, long submittedNanos, Waits waits) {
        super(client);
        this.ended = jobEnd.handle((result, error) -> null);
        this.submittedNanos = submittedNanos;
        this.waits = waits;
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        CompletableFuture<Void> event = nextEventWorthAnswering();
        return event.isDone() ? client.getJobStatus() : event.thenCompose(ignored -> client.getJobStatus());
    }

    /**
     * Sends the request, unless the sink already answered the same request to a repetition of the
     * fetcher's last one: then that answer is returned. It is the answer the sink gives to this
     * request (the sink changed nothing on answering it), and asking the sink twice in a row costs
     * tens of milliseconds more than asking it once.
     */
    @Override
    public CompletableFuture<CoordinationResponse> sendCoordinationRequest(
            String operatorUid, CoordinationRequest request) {
        CoordinationResponse known;
        synchronized (this) {
            known = Objects.equals(operatorUid, lastOperatorUid) && sameRequest(answeredRequest, request) ? answer : null;
            answeredRequest = null;
            answer = null;
            lastOperatorUid = operatorUid;
            lastRequest = request;
            sinkReached = known != null;
        }
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        // The caller sees the answer only after it was recorded here.
        return gateway.sendCoordinationRequest(operatorUid, request).whenComplete((response, error) -> {
            synchronized (this) {
                if (lastRequest == request) {
                    sinkReached = reachedSink(response, error);
                }
            }
        });
    }

    /** What a status check waits for now; a completed future when it should be answered at once. */
    private CompletableFuture<Void> nextEventWorthAnswering() {
        if (ended.isDone()) {
            return ended;
        }
        long age = System.nanoTime() - submittedNanos;
        String operatorUid;
        CoordinationRequest request;
        synchronized (this) {
            if (lastRequest != null && (sinkReached || age >= waits.youth().toNanos())) {
                return CompletableFuture.completedFuture(null);
            }
            operatorUid = lastOperatorUid;
            request = lastRequest;
        }
        if (request == null) {
            return endOrTimeout(waits.firstCheck().toNanos() - age);
        }
        CompletableFuture<Void> event =
                endOrTimeout(Math.min(waits.notReady().toNanos(), waits.youth().toNanos() - age));
        probe(event, operatorUid, request, FIRST_PROBE_PAUSE_MILLIS);
        return event;
    }

    /** Completes when the job ends or after the given time, whichever comes first. */
    private CompletableFuture<Void> endOrTimeout(long nanos) {
        if (nanos <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        return ended.copy().completeOnTimeout(null, nanos, TimeUnit.NANOSECONDS);
    }

    /** Repeats the request until the sink answers it, or until {@code event} completes otherwise. */
    private void probe(CompletableFuture<Void> event, String operatorUid, CoordinationRequest request, long pauseMillis) {
        if (event.isDone()) {
            return;
        }
        gateway.sendCoordinationRequest(operatorUid, request).whenComplete((response, error) -> {
            if (reachedSink(response, error)) {
                synchronized (this) {
                    if (lastRequest == request) {
                        answeredRequest = request;
                        answer = response;
                    }
                }
                endOrTimeout(waits.afterSinkReached().toNanos()).thenRun(() -> event.complete(null));
            } else if (!event.isDone()) {
                long nextPause = Math.min(2 * pauseMillis, MAX_PROBE_PAUSE_MILLIS);
                CompletableFuture.delayedExecutor(pauseMillis, TimeUnit.MILLISECONDS, Runnable::run)
                        .execute(() -> probe(event, operatorUid, request, nextPause));
            }
        });
    }

    /** Whether two result requests ask for the same: collect requests carry a version and an offset. */
    private static boolean sameRequest(CoordinationRequest answered, CoordinationRequest asked) {
        if (answered == null || asked == null) {
            return false;
        }
        if (answered == asked) {
            return true;
        }
        return answered instanceof CollectCoordinationRequest a
                && asked instanceof CollectCoordinationRequest b
                && a.getVersion().equals(b.getVersion())
                && a.getOffset() == b.getOffset();
    }

    /**
     * Whether a result request got an answer from the sink itself. While the coordinator knows no
     * sink to ask, it answers a request with no results and a last checkpointed offset of -1.
     */
    private static boolean reachedSink(CoordinationResponse response, Throwable error) {
        if (error != null || response == null) {
            return false;
        }
        return !(response instanceof CollectCoordinationResponse collect) || collect.getLastCheckpointedOffset() >= 0;
    }
}
