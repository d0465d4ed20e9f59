package dev.flinkjupyter.ml;

import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.operators.coordination.OperatorCoordinator;
import org.apache.flink.runtime.operators.coordination.OperatorEventDispatcher;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.CoordinatedOperatorFactory;
import org.apache.flink.streaming.api.operators.OneInputStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.StreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;
import org.apache.flink.table.data.RowData;

/**
 * Makes the {@link ResidentBlocksOperator}s of a {@link ResidentBlocks} job, wired to their
 * {@link PassCoordinator}: Flink's own way for the subtasks of an operator to talk with one
 * coordinator in the job manager, the way its sources and its collect sink do.
 */
final class ResidentBlocksFactory extends AbstractStreamOperatorFactory<Integer>
        implements CoordinatedOperatorFactory<Integer>, OneInputStreamOperatorFactory<RowData, Integer> {
    private static final long serialVersionUID = 1L;

    private final String featuresCol;
    private final String labelCol;
    private final String weightCol;
    private final long budgetBytes;

    /**
     * @param budgetBytes the most bytes of blocks one subtask keeps
     */
    ResidentBlocksFactory(String featuresCol, String labelCol, String weightCol, long budgetBytes) {
        this.featuresCol = featuresCol;
        this.labelCol = labelCol;
        this.weightCol = weightCol;
        this.budgetBytes = budgetBytes;
        setChainingStrategy(ChainingStrategy.ALWAYS);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends StreamOperator<Integer>> T createStreamOperator(StreamOperatorParameters<Integer> parameters) {
        OperatorID id = parameters.getStreamConfig().getOperatorID();
        OperatorEventDispatcher dispatcher = parameters.getOperatorEventDispatcher();
        ResidentBlocksOperator operator = new ResidentBlocksOperator(parameters,
                dispatcher.getOperatorEventGateway(id), new RowPacker(featuresCol, labelCol, weightCol), budgetBytes);
        dispatcher.registerEventHandler(id, operator);
        return (T) operator;
    }

    @Override
    public OperatorCoordinator.Provider getCoordinatorProvider(String operatorName, OperatorID operatorID) {
        return new PassCoordinator.Provider(operatorID);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends StreamOperator> getStreamOperatorClass(ClassLoader classLoader) {
        return ResidentBlocksOperator.class;
    }
}
