package dev.flinkjupyter.ml.feature;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.DataModel;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.param.HasInputCols;
import dev.flinkjupyter.ml.param.HasOutputCols;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;

/**
 * The fill values an {@link Imputer} learned, one per input column; {@link #transform} adds one
 * {@code DOUBLE} output column per input column, with missing values (null, or equal to
 * {@code missingValue}) replaced.
 */
public final class ImputerModel extends DataModel<ImputerModel, ImputerModel.Data>
        implements HasInputCols<ImputerModel>, HasOutputCols<ImputerModel> {
    private static final String HOW_TO_GET_ONE = "fit an Imputer or load one";

    /** The fill values, as saved. */
    record Data(double[] surrogates) {
    }

    /** The value that stands for missing, besides null. */
    public static final Param<Double> MISSING_VALUE = Imputer.MISSING_VALUE;

    /**
     * How the fill values were learned (mean, median or mostFrequent), for display; unset in
     * models saved before it was recorded.
     */
    public static final Param<String> STRATEGY = new Param<>("strategy", String.class,
            "How the fill values were learned: mean, median or mostFrequent; unset in older saved models.", null,
            ParamValidator.of(v -> v == null || List.of(Imputer.MEAN, Imputer.MEDIAN, Imputer.MOST_FREQUENT).contains(v),
                    "must be mean, median or mostFrequent"));

    /** For {@link dev.flinkjupyter.ml.Stage#load}. */
    public ImputerModel() {
        super(Data.class, HOW_TO_GET_ONE, null);
    }

    /** A model of these fill values, in the order of the input columns. */
    public ImputerModel(double[] surrogates) {
        super(Data.class, HOW_TO_GET_ONE, new Data(surrogates.clone()));
    }

    /** The fill value of each input column. */
    public double[] getSurrogates() {
        return data().surrogates().clone();
    }

    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("ImputerModel transforms one table, got " + inputs.length);
        }
        Table table = inputs[0];
        double[] surrogates = data().surrogates();
        String[] in = getInputCols();
        String[] out = getOutputCols();
        if (in.length != surrogates.length || out.length != in.length) {
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

    @Override
    protected void requireComplete(Data loaded, Path dir) throws IOException {
        if (loaded.surrogates() == null) {
            throw new IOException(dir + " holds an imputer without fill values");
        }
    }

    @Override
    protected String describe(Data data) {
        return Arrays.toString(data.surrogates());
    }
}
