package dev.flinkjupyter.ml.feature;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.DataModel;
import dev.flinkjupyter.ml.param.HasHandleInvalid;
import dev.flinkjupyter.ml.param.HasInputCol;
import dev.flinkjupyter.ml.param.HasInputCols;
import dev.flinkjupyter.ml.param.HasOutputCol;
import dev.flinkjupyter.ml.param.HasOutputCols;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.expressions.Expression;

/**
 * The labels a {@link StringIndexer} learned, per input column in index order; {@link #transform}
 * adds each row's index ({@code DOUBLE}) for every input column. An unseen label (or a null) fails,
 * drops the row, or gets the index {@code labels.length} of its column, as {@code handleInvalid}
 * says (error, skip, keep).
 */
public final class StringIndexerModel extends DataModel<StringIndexerModel, StringIndexerModel.Data>
        implements HasInputCol<StringIndexerModel>, HasInputCols<StringIndexerModel>, HasOutputCol<StringIndexerModel>,
        HasOutputCols<StringIndexerModel>, HasHandleInvalid<StringIndexerModel> {
    private static final String HOW_TO_GET_ONE = "fit a StringIndexer or load one";

    /**
     * The labels in index order, as saved: {@code labelsPerColumn}, one array per input column;
     * models saved before there were several columns hold {@code labels} alone.
     */
    record Data(String[] labels, String[][] labelsPerColumn) {
        String[][] columns() {
            return labelsPerColumn != null ? labelsPerColumn : labels == null ? null : new String[][] {labels};
        }
    }

    /** For {@link dev.flinkjupyter.ml.Stage#load}. */
    public StringIndexerModel() {
        super(Data.class, HOW_TO_GET_ONE, null);
    }

    /** A model of one column with these labels: the first gets index 0. */
    public StringIndexerModel(String... labels) {
        this(new String[][] {labels});
    }

    /** A model of several columns: {@code labelsPerColumn[i]} are the labels of input column {@code i}, in index order. */
    public StringIndexerModel(String[][] labelsPerColumn) {
        super(Data.class, HOW_TO_GET_ONE, new Data(null, copy(labelsPerColumn)));
    }

    private static String[][] copy(String[][] labelsPerColumn) {
        if (labelsPerColumn.length == 0) {
            throw new IllegalArgumentException("a StringIndexerModel needs the labels of at least one column");
        }
        String[][] out = new String[labelsPerColumn.length][];
        for (int i = 0; i < out.length; i++) {
            if (labelsPerColumn[i] == null || labelsPerColumn[i].length == 0) {
                throw new IllegalArgumentException("a StringIndexerModel needs at least one label per column; column "
                        + i + " has none");
            }
            out[i] = labelsPerColumn[i].clone();
        }
        return out;
    }

    /** The labels in index order of a model of one column; a model of several columns names them in its error. */
    public List<String> getLabels() {
        String[][] columns = data().columns();
        if (columns.length != 1) {
            throw new IllegalStateException("this StringIndexerModel indexes " + columns.length
                    + " columns; use getLabels(column) or getLabelsPerColumn()");
        }
        return List.of(columns[0]);
    }

    /** The labels in index order of input column {@code column} (0 for the first). */
    public List<String> getLabels(int column) {
        String[][] columns = data().columns();
        if (column < 0 || column >= columns.length) {
            throw new IndexOutOfBoundsException("this StringIndexerModel indexes " + columns.length
                    + " columns; there is no column " + column);
        }
        return List.of(columns[column]);
    }

    /** The labels of every input column, in the order of the input columns, each in index order. */
    public List<List<String>> getLabelsPerColumn() {
        return Arrays.stream(data().columns()).map(List::of).toList();
    }

    /** The input columns, one or several, as set ({@code inputCol} or {@code inputCols}); none when neither is set. */
    public String[] inputColumns() {
        return ColumnPairs.inputsOf(this);
    }

    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("StringIndexerModel transforms one table, got " + inputs.length);
        }
        Table table = inputs[0];
        ColumnPairs columns = ColumnPairs.of(this);
        String[][] labels = data().columns();
        if (labels.length != columns.size()) {
            throw new IllegalArgumentException("this StringIndexerModel holds the labels of " + labels.length
                    + " columns but " + columns.size() + " input columns are set " + Arrays.toString(columns.inputs()));
        }
        for (String column : columns.inputs()) {
            StringIndexer.requireIndexable(table, column);
        }
        columns.requireOutputsAbsent(table);
        Expression[] indices = new Expression[columns.size()];
        for (int i = 0; i < indices.length; i++) {
            String input = columns.inputs()[i];
            IndexLookup lookup = new IndexLookup(labels[i], getHandleInvalid(), input);
            indices[i] = call(lookup, $(input).cast(DataTypes.STRING())).as(columns.outputs()[i]);
        }
        Table out = table.addColumns(indices);
        if (SKIP.equals(getHandleInvalid())) {
            for (String output : columns.outputs()) {
                out = out.filter($(output).isNotNull());
            }
        }
        return new Table[] {out};
    }

    @Override
    protected void requireComplete(Data loaded, Path dir) throws IOException {
        String[][] columns = loaded.columns();
        if (columns == null || columns.length == 0) {
            throw new IOException(dir + " holds a string indexer without labels");
        }
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == null || columns[i].length == 0) {
                throw new IOException(dir + " holds a string indexer without labels for column " + i);
            }
        }
    }

    @Override
    protected String describe(Data data) {
        String[][] columns = data.columns();
        if (columns.length == 1) {
            return columns[0].length + " labels";
        }
        return columns.length + " columns, " + Arrays.toString(Arrays.stream(columns).mapToInt(c -> c.length).toArray())
                + " labels";
    }
}
