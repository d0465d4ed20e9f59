package dev.flinkjupyter.ml;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.operators.coordination.CoordinationRequestGateway;
import org.apache.flink.runtime.dispatcher.UnavailableDispatcherOperationException;
import org.apache.flink.runtime.scheduler.CoordinatorNotExistException;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.data.RowData;

/**
 * Training data kept in the memory of the task managers by ONE running Flink job, for an
 * estimator that makes many passes: each subtask packs its share of the rows into blocks and
 * keeps them; every pass is then a message to the job, not a new job. A pass costs the
 * arithmetic over the blocks and two round trips through the job manager, instead of a job's
 * submission, scheduling and deployment plus reading Flink's cache back from disk.
 *
 * <p>The subtasks talk to the client through the job's {@link PassCoordinator}, Flink's
 * coordination mechanism (the one its sources and collect sink use), so this works wherever the
 * job client can send coordination requests: the kernel's engine, a local environment, a remote
 * cluster. The data stays partitioned across the subtasks, as in any Flink job; only the partial
 * aggregates come back.
 */
final class ResidentBlocks implements AutoCloseable {
    /** How long closing waits for the job to end before cancelling it. */
    private static final long FINISH_SECONDS = 30;

    /** The errors a coordination request gets while the job is still starting. */
    private static final List<Class<? extends Exception>> STARTING = List.of(
            CoordinatorNotExistException.class, UnavailableDispatcherOperationException.class);

    private final String jobName;
    private final String operatorUid;
    private final JobClient job;
    private final CoordinationRequestGateway gateway;
    private CompletableFuture<JobExecutionResult> result;
    private int passes;
    private boolean closed;

    private ResidentBlocks(String jobName, String operatorUid, JobClient job, CoordinationRequestGateway gateway) {
        this.jobName = jobName;
        this.operatorUid = operatorUid;
        this.job = job;
        this.gateway = gateway;
    }

    /** Thrown by {@link #pass} when a subtask's share did not fit in its memory budget. */
    static final class Overflow extends Exception {
        private static final long serialVersionUID = 1L;

        Overflow() {
            super("the training data does not fit in the memory budget of the subtasks", null, false, false);
        }
    }

    /**
     * Starts the job that keeps the rows. Returns null when the environment's job client cannot
     * talk to the job (then the job is cancelled and the caller uses another way).
     *
     * @param budgetBytes the most bytes of blocks per subtask, or 0 or less for the default share
     *     of the task manager's heap
     */
    static ResidentBlocks start(DataStream<RowData> rows, String featuresCol, String labelCol, String weightCol,
            long budgetBytes, String jobName) {
        // The uid travels in a REST path when the cluster is remote: no spaces.
        String uid = "training-data-in-memory-" + UUID.randomUUID();
        rows.transform("keep blocks in memory", Types.INT,
                        new ResidentBlocksFactory(featuresCol, labelCol, weightCol, budgetBytes))
                .uid(uid)
                .sinkTo(new DiscardingSink<>())
                .name("end of the passes");
        JobClient client;
        try {
            client = rows.getExecutionEnvironment().executeAsync(jobName);
        } catch (Exception e) {
            throw DataPass.failure(jobName, e);
        }
        if (!(client instanceof CoordinationRequestGateway gateway)) {
            client.cancel();
            return null;
        }
        return new ResidentBlocks(jobName, uid, client, gateway);
    }

    /**
     * One pass: every subtask folds its blocks into {@code aggregate}'s accumulator; they are
     * merged here in subtask order, so that a run is repeatable. An exception the aggregate threw
     * on a subtask is rethrown as in {@link DataPass#run}, and the blocks stay for the next pass.
     *
     * @throws Overflow when the data did not fit in memory: close this and use Flink's cache
     */
    <A extends Serializable> A pass(AggregateFunction<FeatureBlock, A, ?> aggregate) throws Overflow {
        int pass = ++passes;
        ask(new PassProtocol.Request(PassProtocol.Ask.START, pass, DataPass.serialize(aggregate)));
        PassProtocol.Answer answer;
        do {
            answer = ask(new PassProtocol.Request(PassProtocol.Ask.POLL, pass, null));
        } while (answer.state() == PassProtocol.State.RUNNING);
        if (answer.state() == PassProtocol.State.FAILED) {
            if (answer.error() != null) {
                throw DataPass.failure(jobName, PassErrors.deserialize(answer.error()));
            }
            throw jobFailure(answer.reason());
        }
        if (answer.overflow()) {
            throw new Overflow();
        }
        return merge(aggregate, answer.partials());
    }

    private static <A extends Serializable> A merge(AggregateFunction<FeatureBlock, A, ?> aggregate, List<byte[]> partials) {
        A result = null;
        for (byte[] partial : partials) {
            A acc = DataPass.deserialize(partial);
            result = result == null ? acc : aggregate.merge(result, acc);
        }
        return result == null ? aggregate.createAccumulator() : result;
    }

    private PassProtocol.Answer ask(PassProtocol.Request request) {
        long pauseMillis = 5;
        while (true) {
            try {
                return (PassProtocol.Answer) gateway.sendCoordinationRequest(operatorUid, request).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                throw new IllegalStateException("interrupted while the job '" + jobName + "' made a pass", e);
            } catch (ExecutionException | RuntimeException e) {
                // Until the job manager has set up the operator (Flink's adaptive batch scheduler does
                // that when the job runs), its coordinator cannot be reached: ask again.
                if (!coordinatorNotYetThere(e) || jobEnded()) {
                    // The job ended, or never reached its coordinator: its own result says why.
                    throw jobFailure(String.valueOf(e instanceof ExecutionException ? e.getCause() : e));
                }
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                throw new IllegalStateException("interrupted while the job '" + jobName + "' started", e);
            }
            pauseMillis = Math.min(2 * pauseMillis, 100);
        }
    }

    /**
     * Whether the error says the job is still starting: its job manager initialising, or its
     * operator not yet set up. Through a remote cluster's REST API these arrive as text.
     */
    private static boolean coordinatorNotYetThere(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = t.getClass().getName() + ": " + t.getMessage();
            for (Class<?> starting : STARTING) {
                if (starting.isInstance(t) || text.contains(starting.getSimpleName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean jobEnded() {
        // Not getJobStatus(): some clients answer it only at the job's next change of state.
        return resultOfJob().isDone();
    }

    private CompletableFuture<JobExecutionResult> resultOfJob() {
        if (result == null) {
            result = job.getJobExecutionResult();
        }
        return result;
    }

    /** The job's own failure when it has one, else the reason given. */
    private RuntimeException jobFailure(String reason) {
        try {
            resultOfJob().get(FINISH_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            return DataPass.failure(jobName, e);
        } catch (TimeoutException e) {
            cancel();
        }
        return new IllegalStateException("the Flink job '" + jobName + "' stopped answering: " + reason);
    }

    /** Cancels the job, if it still runs. */
    private void cancel() {
        try {
            job.cancel();
        } catch (RuntimeException e) {
            // It ended already (a local environment's cluster stops with its job).
        }
    }

    /** Tells the subtasks to drop their blocks and end; the job then finishes. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            gateway.sendCoordinationRequest(operatorUid,
                    new PassProtocol.Request(PassProtocol.Ask.FINISH, 0, null)).get(FINISH_SECONDS, TimeUnit.SECONDS);
            resultOfJob().get(FINISH_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Already failed, or slow to end: make sure it holds no slots.
            cancel();
        }
    }
}
