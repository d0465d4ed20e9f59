package dev.flinkjupyter.ml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.operators.coordination.CoordinationRequest;
import org.apache.flink.runtime.operators.coordination.CoordinationRequestHandler;
import org.apache.flink.runtime.operators.coordination.CoordinationResponse;
import org.apache.flink.runtime.operators.coordination.OperatorCoordinator;
import org.apache.flink.runtime.operators.coordination.OperatorEvent;

/**
 * The job manager's side of a {@link ResidentBlocks} job: it relays each pass the client starts
 * to every subtask, gathers their partial accumulators, and answers the client's polls. It holds
 * no data, only the bytes of the pass in flight.
 *
 * <p>A poll is answered as soon as the pass is complete, or after at most {@link #POLL_MILLIS}
 * with "running", so that no request waits long enough to hit an RPC timeout, however long a
 * pass takes.
 */
final class PassCoordinator implements OperatorCoordinator, CoordinationRequestHandler {
    static final long POLL_MILLIS = 1000;

    private final Context context;
    private final Map<Integer, SubtaskGateway> gateways = new HashMap<>();
    private final List<PassProtocol.Command> sent = new ArrayList<>();
    private final Map<Integer, Map<Integer, byte[]>> partials = new HashMap<>();
    private final Map<Integer, List<CompletableFuture<CoordinationResponse>>> polls = new HashMap<>();
    private final Map<Integer, byte[]> errors = new HashMap<>();
    private String taskFailure;
    private boolean overflow;

    /** The parallelism may be decided only when the job runs (Flink's adaptive batch scheduler). */
    PassCoordinator(Context context) {
        this.context = context;
    }

    @Override
    public synchronized CompletableFuture<CoordinationResponse> handleCoordinationRequest(CoordinationRequest request) {
        PassProtocol.Request asked = (PassProtocol.Request) request;
        switch (asked.ask()) {
            case START -> {
                send(new PassProtocol.Command(asked.pass(), asked.aggregate()));
                partials.put(asked.pass(), new HashMap<>());
                return CompletableFuture.completedFuture(PassProtocol.Answer.of(PassProtocol.State.ACCEPTED));
            }
            case FINISH -> {
                send(new PassProtocol.Command(PassProtocol.Command.FINISH, null));
                return CompletableFuture.completedFuture(PassProtocol.Answer.of(PassProtocol.State.ACCEPTED));
            }
            default -> {
                PassProtocol.Answer known = answer(asked.pass());
                if (known != null) {
                    return CompletableFuture.completedFuture(known);
                }
                CompletableFuture<CoordinationResponse> poll = new CompletableFuture<>();
                polls.computeIfAbsent(asked.pass(), p -> new ArrayList<>()).add(poll);
                return poll.completeOnTimeout(PassProtocol.Answer.of(PassProtocol.State.RUNNING),
                        POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public synchronized void handleEventFromOperator(int subtask, int attemptNumber, OperatorEvent event) {
        PassProtocol.Partial partial = (PassProtocol.Partial) event;
        if (partial.error() != null) {
            errors.putIfAbsent(partial.pass(), partial.error());
        }
        overflow |= partial.overflow();
        Map<Integer, byte[]> parts = partials.get(partial.pass());
        if (parts == null) {
            return;
        }
        parts.put(subtask, partial.accumulator());
        answerPolls(partial.pass());
    }

    @Override
    public synchronized void executionAttemptReady(int subtask, int attemptNumber, SubtaskGateway gateway) {
        gateways.put(subtask, gateway);
        // A subtask that became ready late gets what the others got.
        for (PassProtocol.Command command : sent) {
            gateway.sendEvent(command);
        }
        if (allReady()) {
            sent.clear();
        }
    }

    @Override
    public synchronized void executionAttemptFailed(int subtask, int attemptNumber, Throwable reason) {
        if (taskFailure == null) {
            taskFailure = "subtask " + subtask + " failed: " + reason;
        }
        for (Integer pass : new ArrayList<>(polls.keySet())) {
            answerPolls(pass);
        }
    }

    private void send(PassProtocol.Command command) {
        // Kept only for subtasks not ready yet: a long fit would otherwise hold every pass's bytes.
        if (!allReady()) {
            sent.add(command);
        }
        for (SubtaskGateway gateway : gateways.values()) {
            gateway.sendEvent(command);
        }
    }

    private boolean allReady() {
        int parallelism = context.currentParallelism();
        return parallelism > 0 && gateways.size() >= parallelism;
    }

    /** The final answer for a pass, or null while it runs. */
    private PassProtocol.Answer answer(int pass) {
        if (taskFailure != null) {
            return new PassProtocol.Answer(PassProtocol.State.FAILED, List.of(), false, null, taskFailure);
        }
        Map<Integer, byte[]> parts = partials.get(pass);
        int parallelism = context.currentParallelism();
        if (parts == null || parallelism <= 0 || parts.size() < parallelism) {
            return null;
        }
        if (errors.containsKey(pass)) {
            return new PassProtocol.Answer(PassProtocol.State.FAILED, List.of(), false, errors.remove(pass), null);
        }
        if (overflow) {
            return new PassProtocol.Answer(PassProtocol.State.DONE, List.of(), true, null, null);
        }
        // In subtask order, so that the merge is repeatable. The client reads each pass once:
        // forget its bytes.
        partials.remove(pass);
        return new PassProtocol.Answer(PassProtocol.State.DONE, new ArrayList<>(new TreeMap<>(parts).values()),
                false, null, null);
    }

    private void answerPolls(int pass) {
        List<CompletableFuture<CoordinationResponse>> waiting = polls.get(pass);
        if (waiting == null) {
            return;
        }
        PassProtocol.Answer known = answer(pass);
        if (known != null) {
            polls.remove(pass);
            waiting.forEach(poll -> poll.complete(known));
        }
    }

    @Override
    public void start() {
    }

    @Override
    public synchronized void close() {
        PassProtocol.Answer closed = new PassProtocol.Answer(PassProtocol.State.FAILED, List.of(), false, null,
                "the job ended");
        polls.values().forEach(list -> list.forEach(poll -> poll.complete(closed)));
        polls.clear();
    }

    @Override
    public void checkpointCoordinator(long checkpointId, CompletableFuture<byte[]> result) {
        // Nothing worth restoring: a failed training job fails the fit.
        result.complete(new byte[0]);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
    }

    @Override
    public void resetToCheckpoint(long checkpointId, byte[] checkpointData) {
    }

    @Override
    public void subtaskReset(int subtask, long checkpointId) {
    }

    /** Creates the coordinator in the job manager. */
    static final class Provider implements OperatorCoordinator.Provider {
        private static final long serialVersionUID = 1L;
        private final OperatorID operatorId;

        Provider(OperatorID operatorId) {
            this.operatorId = operatorId;
        }

        @Override
        public OperatorID getOperatorId() {
            return operatorId;
        }

        @Override
        public OperatorCoordinator create(Context context) {
            return new PassCoordinator(context);
        }
    }
}
