package dev.flinkjupyter.ml.feature;

import dev.flinkjupyter.ml.param.HasHandleInvalid;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * The index of a label in a {@link StringIndexerModel}'s vocabulary, as a function in a Flink
 * query. A label not in it (or a null) fails naming the column and the label, gives null (the
 * row is then dropped) or the extra index {@code labels.length}, as {@code handleInvalid} says.
 */
public final class IndexLookup extends ScalarFunction {
    private final String[] labels;
    private final String handleInvalid;
    private final String column;
    private transient Map<String, Double> indices;

    IndexLookup(String[] labels, String handleInvalid, String column) {
        this.labels = labels.clone();
        this.handleInvalid = handleInvalid;
        this.column = column;
    }

    @Override
    public void open(FunctionContext context) {
        indices();
    }

    private Map<String, Double> indices() {
        if (indices == null) {
            indices = new HashMap<>();
            for (int i = 0; i < labels.length; i++) {
                indices.put(labels[i], (double) i);
            }
        }
        return indices;
    }

    /** The label's index. */
    public Double eval(String label) {
        Double index = label == null ? null : indices().get(label);
        if (index != null) {
            return index;
        }
        switch (handleInvalid) {
            case HasHandleInvalid.SKIP:
                return null;
            case HasHandleInvalid.KEEP:
                return (double) labels.length;
            default:
                throw new IllegalArgumentException("StringIndexer: column '" + column + "' holds "
                        + (label == null ? "a null" : "'" + label + "'") + ", which was not seen in fitting ("
                        + labels.length + " labels); set handleInvalid to skip (drop such rows) or keep (index "
                        + labels.length + ")");
        }
    }
}
