package dev.flinkjupyter.ml.clustering;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

/** The index of the nearest centre to a vector, as a function in a Flink query; null for a null vector. */
public final class NearestCentre extends ScalarFunction {
    private final double[] centres;
    private final int k;
    private final int dim;
    private final String column;

    NearestCentre(double[][] centres, String column) {
        this.centres = Centroids.flatten(centres);
        this.k = centres.length;
        this.dim = centres[0].length;
        this.column = column;
    }

    /** The nearest centre's index. */
    public Integer eval(@DataTypeHint("ARRAY<DOUBLE>") Double[] vector) {
        if (vector == null) {
            return null;
        }
        if (vector.length != dim) {
            throw new IllegalArgumentException("column '" + column + "' holds a vector of " + vector.length
                    + " elements; the model's centres have " + dim);
        }
        double[] x = new double[dim];
        for (int j = 0; j < dim; j++) {
            if (vector[j] == null) {
                return null;
            }
            x[j] = vector[j];
        }
        return Centroids.nearest(x, 0, centres, k, dim);
    }
}
