package dev.flinkjupyter.ml;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.runtime.operators.coordination.OperatorEvent;
import org.apache.flink.runtime.operators.coordination.OperatorEventGateway;
import org.apache.flink.runtime.operators.coordination.OperatorEventHandler;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailbox;
import org.apache.flink.table.data.RowData;

/**
 * One subtask of a {@link ResidentBlocks} job: packs its share of the rows into blocks and keeps
 * them in the task's memory, then, at the end of its input, stays alive running the passes the
 * {@link PassCoordinator} sends, until it is told to finish. A pass folds the blocks into the
 * aggregate's accumulator in the task thread and sends it back. An exception from the aggregate
 * (bad data) is sent back too, and the blocks stay for the next pass; a bad row while packing
 * fails the job.
 *
 * <p>Blocks beyond the memory budget are not kept: the subtask then answers every pass with
 * "overflow" and the client falls back to Flink's cache of intermediate results.
 */
final class ResidentBlocksOperator extends AbstractStreamOperator<Integer>
        implements OneInputStreamOperator<RowData, Integer>, BoundedOneInput, OperatorEventHandler {
    private final transient OperatorEventGateway coordinator;
    private final transient MailboxExecutor events;
    private final transient RowPacker packer;
    private final transient long requestedBudget;
    private transient long budgetBytes;
    private final transient List<FeatureBlock> blocks = new ArrayList<>();
    private final transient ArrayDeque<PassProtocol.Command> waiting = new ArrayDeque<>();
    private transient long bytes;
    private transient boolean overflow;
    private transient boolean inputEnded;
    private transient boolean finished;

    ResidentBlocksOperator(StreamOperatorParameters<Integer> parameters, OperatorEventGateway coordinator,
            RowPacker packer, long budgetBytes) {
        super(parameters);
        this.coordinator = coordinator;
        this.packer = packer;
        this.requestedBudget = budgetBytes;
        // Operator events arrive as mails of the lowest priority; waiting for them means yielding
        // to every mail, not only to those of this operator's priority.
        this.events = parameters.getContainingTask().getMailboxExecutorFactory().createExecutor(TaskMailbox.MIN_PRIORITY);
    }

    @Override
    public void open() throws Exception {
        super.open();
        int subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        budgetBytes = requestedBudget > 0 ? requestedBudget
                : (long) (Runtime.getRuntime().maxMemory() * TrainingData.HEAP_SHARE / subtasks);
    }

    @Override
    public void processElement(StreamRecord<RowData> element) {
        keep(packer.add(element.getValue()));
    }

    @Override
    public void endInput() throws Exception {
        keep(packer.finish());
        inputEnded = true;
        while (!waiting.isEmpty()) {
            run(waiting.poll());
        }
        while (!finished) {
            events.yield();
        }
        blocks.clear();
    }

    @Override
    public void handleOperatorEvent(OperatorEvent event) {
        PassProtocol.Command command = (PassProtocol.Command) event;
        if (inputEnded) {
            run(command);
        } else {
            waiting.add(command);
        }
    }

    private void keep(FeatureBlock block) {
        if (block == null || overflow) {
            return;
        }
        bytes += 8L * (block.features.length + block.labels.length + block.weights.length) + 64;
        if (bytes > budgetBytes) {
            overflow = true;
            blocks.clear();
        } else {
            blocks.add(block);
        }
    }

    private void run(PassProtocol.Command command) {
        if (command.pass() == PassProtocol.Command.FINISH) {
            finished = true;
            return;
        }
        if (overflow) {
            coordinator.sendEventToCoordinator(new PassProtocol.Partial(command.pass(), null, null, true));
            return;
        }
        byte[] accumulator;
        try {
            accumulator = fold(DataPass.deserialize(command.aggregate()));
        } catch (RuntimeException | LinkageError e) {
            coordinator.sendEventToCoordinator(new PassProtocol.Partial(command.pass(), null, PassErrors.serialize(e), false));
            return;
        }
        coordinator.sendEventToCoordinator(new PassProtocol.Partial(command.pass(), accumulator, null, false));
    }

    private <A extends Serializable> byte[] fold(AggregateFunction<FeatureBlock, A, ?> aggregate) {
        A acc = aggregate.createAccumulator();
        for (FeatureBlock block : blocks) {
            acc = aggregate.add(block, acc);
        }
        return DataPass.serialize(acc);
    }
}
