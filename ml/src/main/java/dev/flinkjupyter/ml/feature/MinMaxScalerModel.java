package dev.flinkjupyter.ml.feature;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.DataModel;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.Vectors;
import dev.flinkjupyter.ml.param.HasInputCol;
import dev.flinkjupyter.ml.param.HasOutputCol;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.flink.table.api.Table;

/** The ranges a {@link MinMaxScaler} learned; {@link #transform} adds the rescaled vector. */
public final class MinMaxScalerModel extends DataModel<MinMaxScalerModel, MinMaxScalerModel.Data>
        implements HasInputCol<MinMaxScalerModel>, HasOutputCol<MinMaxScalerModel> {
    private static final String HOW_TO_GET_ONE = "fit a MinMaxScaler or load one";

    /** Each element's minimum and maximum in training, as saved. */
    record Data(double[] originalMin, double[] originalMax) {
    }

    /** The lower end of the output range. */
    public static final Param<Double> MIN = MinMaxScaler.MIN;
    /** The upper end of the output range. */
    public static final Param<Double> MAX = MinMaxScaler.MAX;

    /** For {@link dev.flinkjupyter.ml.Stage#load}. */
    public MinMaxScalerModel() {
        super(Data.class, HOW_TO_GET_ONE, null);
    }

    /** A model of these element minima and maxima (of the training data). */
    public MinMaxScalerModel(double[] originalMin, double[] originalMax) {
        super(Data.class, HOW_TO_GET_ONE, new Data(originalMin.clone(), originalMax.clone()));
        if (originalMin.length != originalMax.length) {
            throw new IllegalArgumentException("a MinMaxScalerModel needs as many maxima as minima");
        }
    }

    /** Each element's minimum in training. */
    public double[] getOriginalMin() {
        return data().originalMin().clone();
    }

    /** Each element's maximum in training. */
    public double[] getOriginalMax() {
        return data().originalMax().clone();
    }

    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("MinMaxScalerModel transforms one table, got " + inputs.length);
        }
        Table table = inputs[0];
        InputColumns.requireVector(table, "input", getInputCol());
        InputColumns.requireAbsent(table, "output", getOutputCol());
        double[] originalMin = data().originalMin();
        double[] originalMax = data().originalMax();
        int dim = originalMin.length;
        double min = get(MIN);
        double max = get(MAX);
        double[] scale = new double[dim];
        double[] offset = new double[dim];
        for (int j = 0; j < dim; j++) {
            double range = originalMax[j] - originalMin[j];
            scale[j] = range > 0 ? (max - min) / range : 0;
            offset[j] = range > 0 ? min : (min + max) / 2;
        }
        ScaleVector scaler = new ScaleVector(originalMin, scale, offset, getInputCol());
        return new Table[] {table.addColumns(call(scaler, $(getInputCol()).cast(Vectors.TYPE)).as(getOutputCol()))};
    }

    @Override
    protected void requireComplete(Data loaded, Path dir) throws IOException {
        if (loaded.originalMin() == null || loaded.originalMax() == null
                || loaded.originalMin().length != loaded.originalMax().length) {
            throw new IOException(dir + " holds no minima and maxima of one size");
        }
    }

    @Override
    protected String describe(Data data) {
        return "min=" + Arrays.toString(data.originalMin()) + ", max=" + Arrays.toString(data.originalMax());
    }
}
