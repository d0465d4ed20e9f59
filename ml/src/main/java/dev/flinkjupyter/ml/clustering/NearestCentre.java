package dev.flinkjupyter.ml.clustering;

import dev.flinkjupyter.ml.VectorFunction;
import org.apache.flink.table.annotation.DataTypeHint;

/** The index of the nearest centre to a vector, as a function in a Flink query; null for a null vector. */
public final class NearestCentre extends VectorFunction {
    private final double[] centres;
    private final int k;

    NearestCentre(double[][] centres, String column) {
        super(centres[0].length, column);
        this.centres = Centroids.flatten(centres);
        this.k = centres.length;
    }

    /** The nearest centre's index. */
    public Integer eval(@DataTypeHint("ARRAY<DOUBLE>") Double[] vector) {
        double[] x = features(vector);
        return x == null ? null : Centroids.nearest(x, 0, centres, k, x.length);
    }
}
