package dev.flinkjupyter.ml.clustering;

import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.ScoringModel;
import dev.flinkjupyter.ml.TrainingHistory;
import dev.flinkjupyter.ml.param.HasFeaturesCol;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.table.api.ApiExpression;

/**
 * The centres k-means learned. {@link #transform} adds the index of the nearest centre (an
 * {@code INT} from 0) as the prediction column; shown in a notebook as a table of centres.
 */
public final class KMeansModel extends ScoringModel<KMeansModel, KMeansModel.Data>
        implements HasFeaturesCol<KMeansModel>, HasPredictionCol<KMeansModel> {
    private static final String HOW_TO_GET_ONE = "fit a KMeans or load a saved model";

    /** What a saved model holds besides its parameters: the centres and their weights (null when unknown). */
    record Data(double[][] centres, double[] sizes) {
    }

    private final TrainingHistory history;

    /** An empty model, to {@link dev.flinkjupyter.ml.Stage#load load} into. */
    public KMeansModel() {
        super(Data.class, HOW_TO_GET_ONE, null);
        this.history = TrainingHistory.EMPTY;
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
        super(Data.class, HOW_TO_GET_ONE, checked(centres, sizes));
        this.history = history;
    }

    private static Data checked(double[][] centres, double[] sizes) {
        if (centres.length == 0) {
            throw new IllegalArgumentException("a k-means model needs at least one centre");
        }
        for (double[] centre : centres) {
            if (centre.length != centres[0].length) {
                throw new IllegalArgumentException("the centres have " + centres[0].length + " and " + centre.length
                        + " elements; all must have the same size");
            }
        }
        return new Data(copy(centres), sizes == null ? null : sizes.clone());
    }

    /** The centres, {@code [k][features]}; a copy. */
    public double[][] getCentroids() {
        return copy(data().centres());
    }

    /** The number of clusters. */
    public int getK() {
        return data().centres().length;
    }

    /** The weight (row count, for unweighted data) of each cluster in the last training pass; null when unknown. */
    public double[] getClusterSizes() {
        double[] sizes = data().sizes();
        return sizes == null ? null : sizes.clone();
    }

    @Override
    public TrainingHistory getTrainingHistory() {
        return history;
    }

    /** The index of the centre nearest to {@code features}. */
    public int predict(double... features) {
        double[][] c = data().centres();
        if (features.length != c[0].length) {
            throw new IllegalArgumentException("the model's centres have " + c[0].length + " elements, the point "
                    + features.length);
        }
        return Centroids.nearest(features, 0, Centroids.flatten(c), c.length, features.length);
    }

    /** The prediction column: the index of the nearest centre. */
    @Override
    protected List<Output> outputs(ApiExpression features, String featuresCol) {
        return List.of(new Output("prediction", getPredictionCol(),
                call(new NearestCentre(data().centres(), featuresCol), features)));
    }

    @Override
    protected void requireComplete(Data loaded, Path dir) throws IOException {
        if (loaded.centres() == null || loaded.centres().length == 0) {
            throw new IOException(dir + " holds a k-means model without centres");
        }
    }

    @Override
    protected String describe(Data data) {
        return "k=" + data.centres().length + ", centres=" + Arrays.deepToString(data.centres());
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
