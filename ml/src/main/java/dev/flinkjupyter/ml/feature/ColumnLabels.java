package dev.flinkjupyter.ml.feature;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.types.Row;

/**
 * The labels of one row, one output row per input column that is not null: {@code (col, label)}
 * with {@code col} the column's position. It lets a {@link StringIndexer} count the labels of
 * every column with one GROUP BY, reading the data once.
 */
@FunctionHint(output = @DataTypeHint("ROW<col INT, label STRING>"))
public final class ColumnLabels extends TableFunction<Row> {
    /** Emits {@code (i, labels[i])} for every label that is not null. */
    public void eval(String... labels) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != null) {
                collect(Row.of(i, labels[i]));
            }
        }
    }
}
