package dev.flinkjupyter.ml;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;

/**
 * Packs a subtask's rows into {@link FeatureBlock}s with a {@link RowPacker}, emitting the last,
 * partial block at the end of the input. An operator rather than a {@code mapPartition} function:
 * bad data then fails the job from the task thread instead of ending the JVM from the thread
 * {@code mapPartition} runs functions in.
 */
final class BlockPacker extends AbstractStreamOperator<FeatureBlock>
        implements OneInputStreamOperator<RowData, FeatureBlock>, BoundedOneInput {
    private final String featuresCol;
    private final String labelCol;
    private final String weightCol;
    private transient RowPacker packer;

    BlockPacker(String featuresCol, String labelCol, String weightCol) {
        this.featuresCol = featuresCol;
        this.labelCol = labelCol;
        this.weightCol = weightCol;
    }

    @Override
    public void open() throws Exception {
        super.open();
        packer = new RowPacker(featuresCol, labelCol, weightCol);
    }

    @Override
    public void processElement(StreamRecord<RowData> element) {
        FeatureBlock full = packer.add(element.getValue());
        if (full != null) {
            output.collect(new StreamRecord<>(full));
        }
    }

    @Override
    public void endInput() {
        FeatureBlock last = packer.finish();
        if (last != null) {
            output.collect(new StreamRecord<>(last));
        }
    }
}
