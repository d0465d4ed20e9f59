package dev.flinkjupyter.ml.clustering;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.Model;
import dev.flinkjupyter.ml.ModelData;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.TrainingHistory;
import dev.flinkjupyter.ml.Vectors;
import dev.flinkjupyter.ml.param.HasFeaturesCol;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.flink.table.api.Table;

/**
 * The centres k-means learned. {@link #transform} adds the index of the nearest centre (an
 * {@code INT} from 0) as the prediction column; shown in a notebook as a table of centres.
 */
public final class KMeansModel implements Model<KMeansModel>, HasFeaturesCol<KMeansModel>,
        HasPredictionCol<KMeansModel> {
    private final ParamMap params = new ParamMap(KMeansModel.class);
    private double[][] centres;
    private double[] sizes;
    private TrainingHistory history = TrainingHistory.EMPTY;

    /** An empty model, to {@link dev.flinkjupyter.ml.Stage#load load} into. */
    public KMeansModel() {
    }

    /**
     * A model of given centres (from {@link OnlineKMeans}, or made by hand).
     *
     * @param centres k centres of the same size
     * @param sizes the weight of the rows nearest to each centre in training, or null when unknown
     */
    public KMeansModel(double[][] centres, double[] sizes) {
        this(centres, sizes, TrainingHistory.EMPTY);
    }

    KMeansModel(double[][] centres, double[] sizes, TrainingHistory history) {
        if (centres.length == 0) {
            throw new IllegalArgumentException("a k-means model needs at least one centre");
        }
        for (double[] centre : centres) {
            if (centre.length != centres[0].length) {
                throw new IllegalArgumentException("the centres have " + centres[0].length + " and " + centre.length
                        + " elements; all must have the same size");
            }
        }
        this.centres = copy(centres);
        this.sizes = sizes == null ? null : sizes.clone();
        this.history = history;
    }

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** The centres, {@code [k][features]}; a copy. */
    public double[][] getCentroids() {
        return copy(requireCentres());
    }

    /** The number of clusters. */
    public int getK() {
        return requireCentres().length;
    }

    /** The weight (row count, for unweighted data) of each cluster in the last training pass; null when unknown. */
    public double[] getClusterSizes() {
        return sizes == null ? null : sizes.clone();
    }

    @Override
    public TrainingHistory getTrainingHistory() {
        return history;
    }

    /** The index of the centre nearest to {@code features}. */
    public int predict(double... features) {
        double[][] c = requireCentres();
        if (features.length != c[0].length) {
            throw new IllegalArgumentException("the model's centres have " + c[0].length + " elements, the point "
                    + features.length);
        }
        return Centroids.nearest(features, 0, Centroids.flatten(c), c.length, features.length);
    }

    /** The input table with the prediction column added: the index of the nearest centre. */
    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("KMeansModel transforms one table, got " + inputs.length);
        }
        Table table = inputs[0];
        InputColumns.requireVector(table, "features", getFeaturesCol());
        InputColumns.requireAbsent(table, "prediction", getPredictionCol());
        NearestCentre nearest = new NearestCentre(requireCentres(), getFeaturesCol());
        return new Table[] {table.addColumns(
                call(nearest, $(getFeaturesCol()).cast(Vectors.TYPE)).as(getPredictionCol()))};
    }

    /** What a saved model holds besides its parameters. */
    private record Data(double[][] centres, double[] sizes) {
    }

    @Override
    public void saveState(Path dir) throws IOException {
        ModelData.write(dir, new Data(requireCentres(), sizes));
    }

    @Override
    public void loadState(Path dir) throws IOException {
        Data data = ModelData.read(dir, Data.class);
        if (data.centres() == null || data.centres().length == 0) {
            throw new IOException(dir + " holds a k-means model without centres");
        }
        centres = data.centres();
        sizes = data.sizes();
    }

    @Override
    public String toString() {
        return "KMeansModel[k=" + (centres == null ? 0 : centres.length) + ", centres="
                + Arrays.deepToString(centres) + "]";
    }

    private double[][] requireCentres() {
        if (centres == null) {
            throw new IllegalStateException("this KMeansModel has no centres: fit a KMeans or load a saved model");
        }
        return centres;
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
