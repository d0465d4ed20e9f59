package dev.flinkjupyter.ml.feature;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.Model;
import dev.flinkjupyter.ml.ModelData;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.param.HasInputCols;
import dev.flinkjupyter.ml.param.HasOutputCols;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;

/**
 * The fill values an {@link Imputer} learned, one per input column; {@link #transform} adds one
 * {@code DOUBLE} output column per input column, with missing values (null, or equal to
 * {@code missingValue}) replaced.
 */
public final class ImputerModel implements Model<ImputerModel>, HasInputCols<ImputerModel>, HasOutputCols<ImputerModel> {
    /** The value that stands for missing, besides null. */
    public static final Param<Double> MISSING_VALUE = Imputer.MISSING_VALUE;

    private final ParamMap params = new ParamMap(ImputerModel.class);
    private double[] surrogates;

    /** For {@link dev.flinkjupyter.ml.Stage#load}. */
    public ImputerModel() {
    }

    /** A model of these fill values, in the order of the input columns. */
    public ImputerModel(double[] surrogates) {
        this.surrogates = surrogates.clone();
    }

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** The fill value of each input column. */
    public double[] getSurrogates() {
        return require().clone();
    }

    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("ImputerModel transforms one table, got " + inputs.length);
        }
        Table table = inputs[0];
        String[] in = getInputCols();
        String[] out = getOutputCols();
        if (in.length != require().length || out.length != in.length) {
            throw new IllegalArgumentException("ImputerModel: " + surrogates.length + " fill values, " + in.length
                    + " input and " + out.length + " output columns; they must match");
        }
        ApiExpression[] filled = new ApiExpression[in.length];
        for (int c = 0; c < in.length; c++) {
            InputColumns.requireNumeric(table, "input", in[c]);
            InputColumns.requireAbsent(table, "output", out[c]);
            filled[c] = call(new MissingValue(get(MISSING_VALUE), surrogates[c]), $(in[c]).cast(DataTypes.DOUBLE()))
                    .as(out[c]);
        }
        return new Table[] {table.addColumns(filled)};
    }

    private record Data(double[] surrogates) {
    }

    @Override
    public void saveState(Path dir) throws IOException {
        ModelData.write(dir, new Data(require()));
    }

    @Override
    public void loadState(Path dir) throws IOException {
        Data data = ModelData.read(dir, Data.class);
        if (data.surrogates() == null) {
            throw new IOException(dir + " holds an imputer without fill values");
        }
        surrogates = data.surrogates();
    }

    private double[] require() {
        if (surrogates == null) {
            throw new IllegalStateException("this ImputerModel has no fill values: fit an Imputer or load one");
        }
        return surrogates;
    }

    @Override
    public String toString() {
        return "ImputerModel[" + Arrays.toString(surrogates) + "]";
    }
}
