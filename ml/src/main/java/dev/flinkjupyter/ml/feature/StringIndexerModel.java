package dev.flinkjupyter.ml.feature;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.Model;
import dev.flinkjupyter.ml.ModelData;
import dev.flinkjupyter.ml.ParamMap;
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
public final class StringIndexerModel implements Model<StringIndexerModel>, HasInputCol<StringIndexerModel>,
        HasOutputCol<StringIndexerModel>, HasHandleInvalid<StringIndexerModel> {
    private final ParamMap params = new ParamMap(StringIndexerModel.class);
    private String[] labels;

    /** For {@link dev.flinkjupyter.ml.Stage#load}. */
    public StringIndexerModel() {
    }

    /** A model of these labels: the first gets index 0. */
    public StringIndexerModel(String... labels) {
        this.labels = labels.clone();
    }

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** The labels in index order. */
    public List<String> getLabels() {
        return List.of(require());
    }

    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("StringIndexerModel transforms one table, got " + inputs.length);
        }
        Table table = inputs[0];
        StringIndexer.requireIndexable(table, getInputCol());
        InputColumns.requireAbsent(table, "output", getOutputCol());
        IndexLookup lookup = new IndexLookup(require(), getHandleInvalid(), getInputCol());
        Table out = table.addColumns(call(lookup, $(getInputCol()).cast(DataTypes.STRING())).as(getOutputCol()));
        if (SKIP.equals(getHandleInvalid())) {
            out = out.filter($(getOutputCol()).isNotNull());
        }
        return new Table[] {out};
    }

    private record Data(String[] labels) {
    }

    @Override
    public void saveState(Path dir) throws IOException {
        ModelData.write(dir, new Data(require()));
    }

    @Override
    public void loadState(Path dir) throws IOException {
        Data data = ModelData.read(dir, Data.class);
        if (data.labels() == null || data.labels().length == 0) {
            throw new IOException(dir + " holds a string indexer without labels");
        }
        labels = data.labels();
    }

    private String[] require() {
        if (labels == null) {
            throw new IllegalStateException("this StringIndexerModel has no labels: fit a StringIndexer or load one");
        }
        return labels;
    }

    @Override
    public String toString() {
        return "StringIndexerModel[" + (labels == null ? 0 : labels.length) + " labels]";
    }
}
