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

/** The means and standard deviations a {@link StandardScaler} learned; {@link #transform} adds the scaled vector. */
public final class StandardScalerModel implements Model<StandardScalerModel>, HasInputCol<StandardScalerModel>,
        HasOutputCol<StandardScalerModel> {
    /** Whether to subtract the mean. */
    public static final Param<Boolean> WITH_MEAN = StandardScaler.WITH_MEAN;
    /** Whether to divide by the standard deviation. */
    public static final Param<Boolean> WITH_STD = StandardScaler.WITH_STD;

    private final ParamMap params = new ParamMap(StandardScalerModel.class);
    private double[] mean;
    private double[] std;

    /** For {@link dev.flinkjupyter.ml.Stage#load}. */
    public StandardScalerModel() {
    }

    /** A model of these means and standard deviations, one per element. */
    public StandardScalerModel(double[] mean, double[] std) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("a StandardScalerModel needs as many deviations as means");
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** Each element's mean. */
    public double[] getMean() {
        return require(mean).clone();
    }

    /** Each element's sample standard deviation. */
    public double[] getStd() {
        return require(std).clone();
    }

    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("StandardScalerModel transforms one table, got " + inputs.length);
        }
        Table table = inputs[0];
        InputColumns.requireVector(table, "input", getInputCol());
        InputColumns.requireAbsent(table, "output", getOutputCol());
        int dim = require(mean).length;
        double[] shift = get(WITH_MEAN) ? mean.clone() : new double[dim];
        double[] scale = new double[dim];
        for (int j = 0; j < dim; j++) {
            scale[j] = !get(WITH_STD) ? 1 : std[j] > 0 ? 1 / std[j] : 0;
        }
        ScaleVector scaler = new ScaleVector(shift, scale, new double[dim], getInputCol());
        return new Table[] {table.addColumns(call(scaler, $(getInputCol()).cast(Vectors.TYPE)).as(getOutputCol()))};
    }

    private record Data(double[] mean, double[] std) {
    }

    @Override
    public void saveState(Path dir) throws IOException {
        ModelData.write(dir, new Data(require(mean), std));
    }

    @Override
    public void loadState(Path dir) throws IOException {
        Data data = ModelData.read(dir, Data.class);
        if (data.mean() == null || data.std() == null || data.mean().length != data.std().length) {
            throw new IOException(dir + " holds no means and deviations of one size");
        }
        mean = data.mean();
        std = data.std();
    }

    private static double[] require(double[] values) {
        if (values == null) {
            throw new IllegalStateException("this StandardScalerModel has no statistics: fit a StandardScaler or load one");
        }
        return values;
    }

    @Override
    public String toString() {
        return "StandardScalerModel[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
