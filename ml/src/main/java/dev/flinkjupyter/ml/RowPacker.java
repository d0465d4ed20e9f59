package dev.flinkjupyter.ml;

import java.util.Arrays;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.RowData;

/**
 * Packs training rows (vector, label, weight), as the table runtime's own {@link RowData}, into
 * {@link FeatureBlock}s of at most {@link TrainingData#BLOCK_ROWS} rows. The doubles are copied
 * straight into the block: no {@code Row}, no boxed {@code Double[]} per row. Bad rows are
 * rejected with an {@link IllegalArgumentException} that names the column.
 */
final class RowPacker {
    private final String featuresCol;
    private final String labelCol;
    private final String weightCol;
    private int dim = -1;
    private int n;
    private double[] features;
    private double[] labels;
    private double[] weights;

    RowPacker(String featuresCol, String labelCol, String weightCol) {
        this.featuresCol = featuresCol;
        this.labelCol = labelCol;
        this.weightCol = weightCol;
    }

    /** Adds a row; returns the block it completed, or null while the block has room. */
    FeatureBlock add(RowData row) {
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
            FeatureBlock full = new FeatureBlock(n, dim, features, labels, weights);
            startBlock();
            return full;
        }
        return null;
    }

    /** The last, partial block at the end of the input, or null when there is none. */
    FeatureBlock finish() {
        if (n == 0) {
            return null;
        }
        FeatureBlock last = new FeatureBlock(n, dim, Arrays.copyOf(features, n * dim),
                Arrays.copyOf(labels, n), Arrays.copyOf(weights, n));
        n = 0;
        return last;
    }

    private void startBlock() {
        features = new double[TrainingData.BLOCK_ROWS * dim];
        labels = new double[TrainingData.BLOCK_ROWS];
        weights = new double[TrainingData.BLOCK_ROWS];
        n = 0;
    }
}
