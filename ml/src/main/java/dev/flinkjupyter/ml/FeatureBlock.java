package dev.flinkjupyter.ml;

/**
 * Up to {@link TrainingData#BLOCK_ROWS} training rows packed into flat arrays: the compact form
 * that passes over {@link TrainingData} read. Packing rows lets a pass work on a block with
 * matrix routines, and lets Flink move and cache a few large arrays instead of many small rows.
 *
 * <p>A Flink POJO (public fields, no-argument constructor), so Flink serialises it with its own
 * array serialisers.
 */
public final class FeatureBlock {
    /** The number of rows in this block. */
    public int rows;
    /** The number of features per row. */
    public int dim;
    /** The features, row after row: {@code features[r * dim + j]} is feature j of row r. */
    public double[] features;
    /** The label of each row. */
    public double[] labels;
    /** The weight of each row (1 when the data has no weight column). */
    public double[] weights;

    /** For Flink. */
    public FeatureBlock() {
    }

    /** A block of {@code rows} rows of {@code dim} features. */
    public FeatureBlock(int rows, int dim, double[] features, double[] labels, double[] weights) {
        this.rows = rows;
        this.dim = dim;
        this.features = features;
        this.labels = labels;
        this.weights = weights;
    }

    /** Feature {@code j} of row {@code r}. */
    public double feature(int r, int j) {
        return features[r * dim + j];
    }
}
