package dev.flinkjupyter.ml.feature;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.Model;
import dev.flinkjupyter.ml.ModelData;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.Vectors;
import dev.flinkjupyter.ml.param.HasInputCol;
import dev.flinkjupyter.ml.param.HasOutputCol;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.flink.table.api.Table;

/** The ranges a {@link MinMaxScaler} learned; {@link #transform} adds the rescaled vector. */
public final class MinMaxScalerModel implements Model<MinMaxScalerModel>, HasInputCol<MinMaxScalerModel>,
        HasOutputCol<MinMaxScalerModel> {
    /** The lower end of the output range. */
    public static final Param<Double> MIN = MinMaxScaler.MIN;
    /** The upper end of the output range. */
    public static final Param<Double> MAX = MinMaxScaler.MAX;

    private final ParamMap params = new ParamMap(MinMaxScalerModel.class);
    private double[] originalMin;
    private double[] originalMax;

    /** For {@link dev.flinkjupyter.ml.Stage#load}. */
    public MinMaxScalerModel() {
    }

    /** A model of these element minima and maxima (of the training data). */
    public MinMaxScalerModel(double[] originalMin, double[] originalMax) {
        if (originalMin.length != originalMax.length) {
            throw new IllegalArgumentException("a MinMaxScalerModel needs as many maxima as minima");
        }
        this.originalMin = originalMin.clone();
        this.originalMax = originalMax.clone();
    }

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** Each element's minimum in training. */
    public double[] getOriginalMin() {
        return require(originalMin).clone();
    }

    /** Each element's maximum in training. */
    public double[] getOriginalMax() {
        return require(originalMax).clone();
    }

    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("MinMaxScalerModel transforms one table, got " + inputs.length);
        }
        Table table = inputs[0];
        InputColumns.requireVector(table, "input", getInputCol());
        InputColumns.requireAbsent(table, "output", getOutputCol());
        int dim = require(originalMin).length;
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

    private record Data(double[] originalMin, double[] originalMax) {
    }

    @Override
    public void saveState(Path dir) throws IOException {
        ModelData.write(dir, new Data(require(originalMin), originalMax));
    }

    @Override
    public void loadState(Path dir) throws IOException {
        Data data = ModelData.read(dir, Data.class);
        if (data.originalMin() == null || data.originalMax() == null
                || data.originalMin().length != data.originalMax().length) {
            throw new IOException(dir + " holds no minima and maxima of one size");
        }
        originalMin = data.originalMin();
        originalMax = data.originalMax();
    }

    private static double[] require(double[] values) {
        if (values == null) {
            throw new IllegalStateException("this MinMaxScalerModel has no ranges: fit a MinMaxScaler or load one");
        }
        return values;
    }

    @Override
    public String toString() {
        return "MinMaxScalerModel[min=" + Arrays.toString(originalMin) + ", max=" + Arrays.toString(originalMax) + "]";
    }
}
