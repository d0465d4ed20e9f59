package dev.flinkjupyter.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;

/**
 * Waits, before a job is cancelled, until none of its tasks is being deployed or initialized.
 *
 * <p>Flink 2.3 closes the operators of a cancelled task even when they never opened, and its
 * collect sink then throws a NullPointerException ({@code CollectSinkFunction.accumulateFinalResults},
 * its lock is created in {@code open}). That happens in the task's exception handler, which the task
 * manager takes for a fatal error: the MiniCluster closes its only task manager and every later job
 * waits for slots. A task in RUNNING has opened its operators; one not yet deployed has none to close.
 */
final class TaskStartup {

    private static final long POLL_MILLIS = 10;

    private TaskStartup() {}

    /**
     * Completes once no task of the job is DEPLOYING or INITIALIZING, once the job ended or is
     * unknown, or after {@code bound} at the latest; never exceptionally.
     */
    static CompletableFuture<Void> passed(MiniCluster cluster, JobID id, Duration bound) {
        CompletableFuture<Void> passed = new CompletableFuture<>();
        poll(cluster, id, System.nanoTime() + bound.toNanos(), passed);
        return passed;
    }

    /** Whether some task of the job has been sent to the task manager and has not opened its operators yet. */
    static boolean starting(AccessExecutionGraph graph) {
        if (graph.getState().isGloballyTerminalState()) {
            return false;
        }
        for (AccessExecutionVertex vertex : graph.getAllExecutionVertices()) {
            ExecutionState state = vertex.getExecutionState();
            if (state == ExecutionState.DEPLOYING || state == ExecutionState.INITIALIZING) {
                return true;
            }
        }
        return false;
    }

    private static void poll(MiniCluster cluster, JobID id, long deadlineNanos, CompletableFuture<Void> passed) {
        cluster.getExecutionGraph(id).whenComplete((graph, error) -> {
            if (error != null || !starting(graph) || System.nanoTime() - deadlineNanos > 0) {
                passed.complete(null);
                return;
            }
            CompletableFuture.runAsync(
                    () -> poll(cluster, id, deadlineNanos, passed),
                    CompletableFuture.delayedExecutor(POLL_MILLIS, TimeUnit.MILLISECONDS));
        });
    }
}
