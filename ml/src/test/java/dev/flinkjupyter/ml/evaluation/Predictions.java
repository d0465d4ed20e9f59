package dev.flinkjupyter.ml.evaluation;

import dev.flinkjupyter.ml.testing.LocalFlink;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

/** Tables of predictions for the evaluator tests, on the tests' local cluster. */
final class Predictions {
    private Predictions() {
    }

    /** A table with these columns, of these types, holding these rows (one array per row). */
    static Table table(int parallelism, String[] names, TypeInformation<?>[] types, List<Object[]> rows) {
        StreamTableEnvironment tEnv = LocalFlink.batch(parallelism);
        List<Row> data = new ArrayList<>();
        for (Object[] values : rows) {
            data.add(Row.of(values));
        }
        return tEnv.fromDataStream(LocalFlink.environmentOf(tEnv).fromData(data, new RowTypeInfo(types, names)));
    }

    /** A table of columns of doubles, given column by column. */
    static Table doubles(int parallelism, String[] names, double[]... columns) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < columns[0].length; i++) {
            Object[] row = new Object[columns.length];
            for (int c = 0; c < columns.length; c++) {
                row[c] = columns[c][i];
            }
            rows.add(row);
        }
        TypeInformation<?>[] types = new TypeInformation<?>[columns.length];
        java.util.Arrays.fill(types, org.apache.flink.api.common.typeinfo.Types.DOUBLE);
        return table(parallelism, names, types, rows);
    }
}
