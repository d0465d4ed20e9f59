package dev.flinkjupyter.ml;

import java.util.List;
import org.apache.flink.runtime.operators.coordination.CoordinationRequest;
import org.apache.flink.runtime.operators.coordination.CoordinationResponse;
import org.apache.flink.runtime.operators.coordination.OperatorEvent;

/**
 * The messages of {@link ResidentBlocks}: the estimator (client) asks the job's
 * {@link PassCoordinator} to run a pass, the coordinator hands it to every subtask, the subtasks
 * answer with their partial aggregates. Aggregates and accumulators travel as Java-serialised
 * bytes, so the coordinator never needs the estimator's classes.
 */
final class PassProtocol {
    private PassProtocol() {
    }

    /** What the client asks of the coordinator. */
    enum Ask { START, POLL, FINISH }

    /** Client to coordinator: start pass {@code pass} with this aggregate, ask for its result, or finish. */
    record Request(Ask ask, int pass, byte[] aggregate) implements CoordinationRequest {
    }

    /** How far a pass is. */
    enum State { ACCEPTED, RUNNING, DONE, FAILED }

    /**
     * Coordinator to client. DONE carries one accumulator per subtask, in subtask order, unless a
     * subtask held more than its memory budget ({@code overflow}). FAILED carries the subtask's
     * serialised exception, or the reason its task failed.
     */
    record Answer(State state, List<byte[]> partials, boolean overflow, byte[] error, String reason)
            implements CoordinationResponse {
        static Answer of(State state) {
            return new Answer(state, List.of(), false, null, null);
        }
    }

    /** Coordinator to subtask: run pass {@code pass} over the blocks with this aggregate; or finish. */
    record Command(int pass, byte[] aggregate) implements OperatorEvent {
        static final int FINISH = -1;
    }

    /**
     * Subtask to coordinator: its accumulator for a pass, or the exception the aggregate threw, or
     * that its blocks did not fit in its memory budget.
     */
    record Partial(int pass, byte[] accumulator, byte[] error, boolean overflow) implements OperatorEvent {
    }
}
