package dev.flinkjupyter.ml.evaluation;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.lit;

import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.TableStreams;
import dev.flinkjupyter.ml.Vectors;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.types.Row;

/**
 * The columns an evaluator reads, as a stream of rows of {@code DOUBLE}s in Flink: each column is
 * checked first (it exists, it is numeric, or a vector where a score may be one), so that a wrong
 * name fails before any job runs with the table's columns and types.
 */
final class PredictionRows {
    private PredictionRows() {
    }

    /** A numeric column as DOUBLE. */
    static ApiExpression number(Table table, String role, String column) {
        InputColumns.requireNumeric(table, role, column);
        return $(column).cast(DataTypes.DOUBLE());
    }

    /** The weight column as DOUBLE, or 1 for every row when there is none. */
    static ApiExpression weight(Table table, String column) {
        return column == null ? lit(1.0) : number(table, "weight", column);
    }

    /**
     * A score: a numeric column as it is, or from a vector column (class probabilities or raw
     * scores, one per class) the element of class 1, the second.
     */
    static ApiExpression score(Table table, String column) {
        LogicalType type = InputColumns.require(table, "score", column);
        if (Vectors.isVector(type)) {
            return $(column).cast(Vectors.TYPE).at(2);
        }
        return number(table, "score", column);
    }

    /** The table's rows with these expressions as fields, as a DataStream. */
    static DataStream<Row> select(Table table, ApiExpression... fields) {
        return TableStreams.environmentOf(table).toDataStream(table.select(fields));
    }

    /** The double in a field; a null fails with an error naming the column. */
    static double value(Row row, int field, String column) {
        Object value = row.getField(field);
        if (value == null) {
            throw new IllegalArgumentException("column '" + column + "' holds a null; filter those rows first");
        }
        double v = (Double) value;
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("column '" + column + "' holds NaN; filter those rows first");
        }
        return v;
    }
}
