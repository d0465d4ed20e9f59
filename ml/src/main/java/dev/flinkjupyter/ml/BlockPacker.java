package dev.flinkjupyter.ml;

import java.util.Arrays;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.RowData;

/**
 * Packs a subtask's rows (vector, label, weight) into {@link FeatureBlock}s of at most
 * {@link TrainingData#BLOCK_ROWS} rows, emitting the last, partial block at the end of the input.
 * It reads the table runtime's own {@link RowData} (an {@code ARRAY<DOUBLE>} and two
 * {@code DOUBLE}s), copying the doubles straight into the block: no {@code Row}, no boxed
 * {@code Double[]} per row (that conversion was a third of the first pass's work).
 * An operator rather than a {@code mapPartition} function: bad data then fails the job from the
 * task thread instead of ending the JVM from the thread {@code mapPartition} runs functions in.
 */
final class BlockPacker extends AbstractStreamOperator<FeatureBlock>
        implements OneInputStreamOperator<RowData, FeatureBlock>, BoundedOneInput {
    private final String featuresCol;
    private final String labelCol;
    private final String weightCol;
    private transient int dim;
    private transient int n;
    private transient double[] features;
    private transient double[] labels;
    private transient double[] weights;

    BlockPacker(String featuresCol, String labelCol, String weightCol) {
        this.featuresCol = featuresCol;
        this.labelCol = labelCol;
        this.weightCol = weightCol;
    }

    @Override
    public void open() throws Exception {
        super.open();
        dim = -1;
    }

    @Override
    public void processElement(StreamRecord<RowData> element) {
        RowData row = element.getValue();
        if (row.isNullAt(0)) {
            throw new IllegalArgumentException("column '" + featuresCol + "' holds a null vector; filter the rows first");
        }
        ArrayData x = row.getArray(0);
        int size = x.size();
        if (dim < 0) {
            dim = size;
            startBlock();
        } else if (size != dim) {
            throw new IllegalArgumentException("column '" + featuresCol + "' holds vectors of " + dim
                    + " and of " + size + " elements; all must have the same size");
        }
        if (row.isNullAt(1)) {
            throw new IllegalArgumentException("label column '" + labelCol + "' holds a null; filter those rows");
        }
        if (row.isNullAt(2)) {
            throw new IllegalArgumentException("weight column '" + weightCol + "' holds a null");
        }
        int offset = n * dim;
        for (int j = 0; j < size; j++) {
            if (x.isNullAt(j)) {
                throw new IllegalArgumentException("column '" + featuresCol + "' holds a vector with a null at index "
                        + j + "; fill missing values first (Imputer) or filter the rows");
            }
            features[offset + j] = x.getDouble(j);
        }
        labels[n] = row.getDouble(1);
        weights[n] = row.getDouble(2);
        if (++n == TrainingData.BLOCK_ROWS) {
            output.collect(new StreamRecord<>(new FeatureBlock(n, dim, features, labels, weights)));
            startBlock();
        }
    }

    @Override
    public void endInput() {
        if (n > 0) {
            output.collect(new StreamRecord<>(new FeatureBlock(n, dim, Arrays.copyOf(features, n * dim),
                    Arrays.copyOf(labels, n), Arrays.copyOf(weights, n))));
            n = 0;
        }
    }

    private void startBlock() {
        features = new double[TrainingData.BLOCK_ROWS * dim];
        labels = new double[TrainingData.BLOCK_ROWS];
        weights = new double[TrainingData.BLOCK_ROWS];
        n = 0;
    }
}
