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
import dev.flinkjupyter.ml.param.HasInputCols;
import dev.flinkjupyter.ml.param.HasOutputCol;
import dev.flinkjupyter.ml.param.HasOutputCols;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.expressions.Expression;

/**
 * The number of categories of each column a {@link OneHotEncoder} learned; {@link #transform} adds
 * one one-hot vector per input column.
 */
public final class OneHotEncoderModel implements Model<OneHotEncoderModel>, HasInputCol<OneHotEncoderModel>,
        HasInputCols<OneHotEncoderModel>, HasOutputCol<OneHotEncoderModel>, HasOutputCols<OneHotEncoderModel>,
        HasHandleInvalid<OneHotEncoderModel> {
    /** Whether the last category gets no slot. */
    public static final Param<Boolean> DROP_LAST = OneHotEncoder.DROP_LAST;

    private final ParamMap params = new ParamMap(OneHotEncoderModel.class);
    private int[] categories;

    /** For {@link dev.flinkjupyter.ml.Stage#load}. */
    public OneHotEncoderModel() {
    }

    /** A model of one column of this many categories (indices 0 to {@code categories - 1}). */
    public OneHotEncoderModel(int categories) {
        this(new int[] {categories});
    }

    /** A model of several columns: input column {@code i} has {@code categoriesPerColumn[i]} categories. */
    public OneHotEncoderModel(int[] categoriesPerColumn) {
        if (categoriesPerColumn.length == 0) {
            throw new IllegalArgumentException("a OneHotEncoderModel needs the categories of at least one column");
        }
        for (int n : categoriesPerColumn) {
            if (n < 1) {
                throw new IllegalArgumentException("a OneHotEncoderModel needs at least one category per column, got "
                        + Arrays.toString(categoriesPerColumn));
            }
        }
        this.categories = categoriesPerColumn.clone();
    }

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** How many categories the only column has; a model of several columns says so in its error. */
    public int getCategories() {
        requireFitted();
        if (categories.length != 1) {
            throw new IllegalStateException("this OneHotEncoderModel encodes " + categories.length
                    + " columns; use getCategoriesPerColumn()");
        }
        return categories[0];
    }

    /** How many categories each input column has, in the order of the input columns. */
    public int[] getCategoriesPerColumn() {
        requireFitted();
        return categories.clone();
    }

    /** The size of the only column's vectors: the categories, one more with keep, one fewer with dropLast. */
    public int vectorSize() {
        return vectorSize(getCategories());
    }

    /** The size of each column's vectors, in the order of the input columns. */
    public int[] vectorSizes() {
        return Arrays.stream(getCategoriesPerColumn()).map(this::vectorSize).toArray();
    }

    private int vectorSize(int categories) {
        return categories + (KEEP.equals(getHandleInvalid()) ? 1 : 0) - (get(DROP_LAST) ? 1 : 0);
    }

    /** The input columns, one or several, as set ({@code inputCol} or {@code inputCols}); none when neither is set. */
    public String[] inputColumns() {
        return ColumnPairs.inputsOf(this);
    }

    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("OneHotEncoderModel transforms one table, got " + inputs.length);
        }
        requireFitted();
        Table table = inputs[0];
        ColumnPairs columns = ColumnPairs.of(this);
        if (categories.length != columns.size()) {
            throw new IllegalArgumentException("this OneHotEncoderModel holds the categories of " + categories.length
                    + " columns but " + columns.size() + " input columns are set " + Arrays.toString(columns.inputs()));
        }
        for (String column : columns.inputs()) {
            InputColumns.requireNumeric(table, "input", column);
        }
        columns.requireOutputsAbsent(table);
        Expression[] vectors = new Expression[columns.size()];
        for (int i = 0; i < vectors.length; i++) {
            String input = columns.inputs()[i];
            OneHot oneHot = new OneHot(categories[i], vectorSize(categories[i]), getHandleInvalid(), input);
            vectors[i] = call(oneHot, $(input).cast(DataTypes.DOUBLE())).as(columns.outputs()[i]);
        }
        Table out = table.addColumns(vectors);
        if (SKIP.equals(getHandleInvalid())) {
            for (String output : columns.outputs()) {
                out = out.filter($(output).isNotNull());
            }
        }
        return new Table[] {out};
    }

    private void requireFitted() {
        if (categories == null) {
            throw new IllegalStateException("this OneHotEncoderModel has no categories: fit a OneHotEncoder or load one");
        }
    }

    /**
     * As saved: {@code categoriesPerColumn}, one count per input column; models saved before there
     * were several columns hold {@code categories} alone.
     */
    private record Data(Integer categories, int[] categoriesPerColumn) {
    }

    @Override
    public void saveState(Path dir) throws IOException {
        requireFitted();
        ModelData.write(dir, new Data(null, categories));
    }

    @Override
    public void loadState(Path dir) throws IOException {
        Data data = ModelData.read(dir, Data.class);
        int[] loaded = data.categoriesPerColumn() != null ? data.categoriesPerColumn()
                : data.categories() != null ? new int[] {data.categories()} : new int[0];
        if (loaded.length == 0 || Arrays.stream(loaded).anyMatch(n -> n < 1)) {
            throw new IOException(dir + " holds a one-hot encoder without categories");
        }
        categories = loaded;
    }

    @Override
    public String toString() {
        if (categories == null) {
            return "OneHotEncoderModel[empty]";
        }
        return "OneHotEncoderModel[categories=" + (categories.length == 1 ? String.valueOf(categories[0])
                : Arrays.toString(categories)) + "]";
    }
}
