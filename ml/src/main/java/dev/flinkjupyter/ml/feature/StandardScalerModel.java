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

/** The means and standard deviations a {@link StandardScaler} learned; {@link #transform} adds the scaled vector. */
public final class StandardScalerModel extends DataModel<StandardScalerModel, StandardScalerModel.Data>
        implements HasInputCol<StandardScalerModel>, HasOutputCol<StandardScalerModel> {
    private static final String HOW_TO_GET_ONE = "fit a StandardScaler or load one";

    /** Each element's mean and sample standard deviation, as saved. */
    record Data(double[] mean, double[] std) {
    }

    /** Whether to subtract the mean. */
    public static final Param<Boolean> WITH_MEAN = StandardScaler.WITH_MEAN;
    /** Whether to divide by the standard deviation. */
    public static final Param<Boolean> WITH_STD = StandardScaler.WITH_STD;

    /** For {@link dev.flinkjupyter.ml.Stage#load}. */
    public StandardScalerModel() {
        super(Data.class, HOW_TO_GET_ONE, null);
    }

    /** A model of these means and standard deviations, one per element. */
    public StandardScalerModel(double[] mean, double[] std) {
        super(Data.class, HOW_TO_GET_ONE, new Data(mean.clone(), std.clone()));
        if (mean.length != std.length) {
            throw new IllegalArgumentException("a StandardScalerModel needs as many deviations as means");
        }
    }

    /** Each element's mean. */
    public double[] getMean() {
        return data().mean().clone();
    }

    /** Each element's sample standard deviation. */
    public double[] getStd() {
        return data().std().clone();
    }

    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("StandardScalerModel transforms one table, got " + inputs.length);
        }
        Table table = inputs[0];
        InputColumns.requireVector(table, "input", getInputCol());
        InputColumns.requireAbsent(table, "output", getOutputCol());
        double[] mean = data().mean();
        double[] std = data().std();
        int dim = mean.length;
        double[] shift = get(WITH_MEAN) ? mean.clone() : new double[dim];
        double[] scale = new double[dim];
        for (int j = 0; j < dim; j++) {
            scale[j] = !get(WITH_STD) ? 1 : std[j] > 0 ? 1 / std[j] : 0;
        }
        ScaleVector scaler = new ScaleVector(shift, scale, new double[dim], getInputCol());
        return new Table[] {table.addColumns(call(scaler, $(getInputCol()).cast(Vectors.TYPE)).as(getOutputCol()))};
    }

    @Override
    protected void requireComplete(Data loaded, Path dir) throws IOException {
        if (loaded.mean() == null || loaded.std() == null || loaded.mean().length != loaded.std().length) {
            throw new IOException(dir + " holds no means and deviations of one size");
        }
    }

    @Override
    protected String describe(Data data) {
        return "mean=" + Arrays.toString(data.mean()) + ", std=" + Arrays.toString(data.std());
    }
}
