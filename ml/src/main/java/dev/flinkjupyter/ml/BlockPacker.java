package dev.flinkjupyter.ml;

import java.util.Arrays;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.types.Row;

/**
 * Packs a subtask's rows (vector, label, weight) into {@link FeatureBlock}s of at most
 * {@link TrainingData#BLOCK_ROWS} rows, emitting the last, partial block at the end of the input.
 * An operator rather than a {@code mapPartition} function: bad data then fails the job from the
 * task thread instead of ending the JVM from the thread {@code mapPartition} runs functions in.
 */
final class BlockPacker extends AbstractStreamOperator<FeatureBlock>
        implements OneInputStreamOperator<Row, FeatureBlock>, BoundedOneInput {
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
    public void processElement(StreamRecord<Row> element) {
        Row row = element.getValue();
        double[] x = Vectors.toArray(row.getField(0), featuresCol);
        if (dim < 0) {
            dim = x.length;
            startBlock();
        } else if (x.length != dim) {
            throw new IllegalArgumentException("column '" + featuresCol + "' holds vectors of " + dim
                    + " and of " + x.length + " elements; all must have the same size");
        }
        Object label = row.getField(1);
        if (label == null) {
            throw new IllegalArgumentException("label column '" + labelCol + "' holds a null; filter those rows");
        }
        Object weight = row.getField(2);
        if (weight == null) {
            throw new IllegalArgumentException("weight column '" + weightCol + "' holds a null");
        }
        System.arraycopy(x, 0, features, n * dim, dim);
        labels[n] = (Double) label;
        weights[n] = (Double) weight;
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
