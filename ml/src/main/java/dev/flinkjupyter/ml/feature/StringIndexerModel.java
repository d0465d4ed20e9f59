package dev.flinkjupyter.ml.feature;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.DataModel;
import dev.flinkjupyter.ml.param.HasHandleInvalid;
import dev.flinkjupyter.ml.param.HasInputCol;
import dev.flinkjupyter.ml.param.HasOutputCol;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;

/**
 * The labels a {@link StringIndexer} learned, in index order; {@link #transform} adds each row's
 * index ({@code DOUBLE}). An unseen label (or a null) fails, drops the row, or gets the index
 * {@code labels.length}, as {@code handleInvalid} says (error, skip, keep).
 */
public final class StringIndexerModel extends DataModel<StringIndexerModel, StringIndexerModel.Data>
        implements HasInputCol<StringIndexerModel>, HasOutputCol<StringIndexerModel>,
        HasHandleInvalid<StringIndexerModel> {
    private static final String HOW_TO_GET_ONE = "fit a StringIndexer or load one";

    /** The labels in index order, as saved. */
    record Data(String[] labels) {
    }

    /** For {@link dev.flinkjupyter.ml.Stage#load}. */
    public StringIndexerModel() {
        super(Data.class, HOW_TO_GET_ONE, null);
    }

    /** A model of these labels: the first gets index 0. */
    public StringIndexerModel(String... labels) {
        super(Data.class, HOW_TO_GET_ONE, new Data(labels.clone()));
    }

    /** The labels in index order. */
    public List<String> getLabels() {
        return List.of(data().labels());
    }

    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("StringIndexerModel transforms one table, got " + inputs.length);
        }
        Table table = inputs[0];
        StringIndexer.requireIndexable(table, getInputCol());
        InputColumns.requireAbsent(table, "output", getOutputCol());
        IndexLookup lookup = new IndexLookup(data().labels(), getHandleInvalid(), getInputCol());
        Table out = table.addColumns(call(lookup, $(getInputCol()).cast(DataTypes.STRING())).as(getOutputCol()));
        if (SKIP.equals(getHandleInvalid())) {
            out = out.filter($(getOutputCol()).isNotNull());
        }
        return new Table[] {out};
    }

    @Override
    protected void requireComplete(Data loaded, Path dir) throws IOException {
        if (loaded.labels() == null || loaded.labels().length == 0) {
            throw new IOException(dir + " holds a string indexer without labels");
        }
    }

    @Override
    protected String describe(Data data) {
        return data.labels().length + " labels";
    }
}
