package dev.flinkjupyter.ml.feature;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.Model;
import dev.flinkjupyter.ml.ModelData;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.param.HasHandleInvalid;
import dev.flinkjupyter.ml.param.HasInputCol;
import dev.flinkjupyter.ml.param.HasOutputCol;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;

/** The number of categories a {@link OneHotEncoder} learned; {@link #transform} adds the one-hot vector. */
public final class OneHotEncoderModel implements Model<OneHotEncoderModel>, HasInputCol<OneHotEncoderModel>,
        HasOutputCol<OneHotEncoderModel>, HasHandleInvalid<OneHotEncoderModel> {
    /** Whether the last category gets no slot. */
    public static final Param<Boolean> DROP_LAST = OneHotEncoder.DROP_LAST;

    private final ParamMap params = new ParamMap(OneHotEncoderModel.class);
    private int categories;

    /** For {@link dev.flinkjupyter.ml.Stage#load}. */
    public OneHotEncoderModel() {
    }

    /** A model of this many categories (indices 0 to {@code categories - 1}). */
    public OneHotEncoderModel(int categories) {
        if (categories < 1) {
            throw new IllegalArgumentException("a OneHotEncoderModel needs at least one category, got " + categories);
        }
        this.categories = categories;
    }

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** How many categories. */
    public int getCategories() {
        return categories;
    }

    /** The size of the vectors: the categories, one more with keep, one fewer with dropLast. */
    public int vectorSize() {
        return categories + (KEEP.equals(getHandleInvalid()) ? 1 : 0) - (get(DROP_LAST) ? 1 : 0);
    }

    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("OneHotEncoderModel transforms one table, got " + inputs.length);
        }
        if (categories < 1) {
            throw new IllegalStateException("this OneHotEncoderModel has no categories: fit a OneHotEncoder or load one");
        }
        Table table = inputs[0];
        InputColumns.requireNumeric(table, "input", getInputCol());
        InputColumns.requireAbsent(table, "output", getOutputCol());
        OneHot oneHot = new OneHot(categories, vectorSize(), getHandleInvalid(), getInputCol());
        Table out = table.addColumns(call(oneHot, $(getInputCol()).cast(DataTypes.DOUBLE())).as(getOutputCol()));
        if (SKIP.equals(getHandleInvalid())) {
            out = out.filter($(getOutputCol()).isNotNull());
        }
        return new Table[] {out};
    }

    private record Data(int categories) {
    }

    @Override
    public void saveState(Path dir) throws IOException {
        ModelData.write(dir, new Data(categories));
    }

    @Override
    public void loadState(Path dir) throws IOException {
        Data data = ModelData.read(dir, Data.class);
        if (data.categories() < 1) {
            throw new IOException(dir + " holds a one-hot encoder without categories");
        }
        categories = data.categories();
    }

    @Override
    public String toString() {
        return "OneHotEncoderModel[categories=" + categories + "]";
    }
}
