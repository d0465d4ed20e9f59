package dev.flinkjupyter.ml.feature;

import dev.flinkjupyter.ml.testing.LocalFlink;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/** Small tables for the feature tests, and their rows read back (tests may collect; the library never does). */
final class FeatureTables {
    private FeatureTables() {
    }

    /** A table of these columns and types with these rows, at this parallelism. */
    static Table table(int parallelism, String[] names, TypeInformation<?>[] types, List<Object[]> rows) {
        StreamTableEnvironment tEnv = LocalFlink.batch(parallelism);
        List<Row> data = new ArrayList<>();
        for (Object[] values : rows) {
            data.add(Row.of(values));
        }
        return tEnv.fromDataStream(LocalFlink.environmentOf(tEnv).fromData(data, new RowTypeInfo(types, names)));
    }

    /** Every row of a table. */
    static List<Row> rows(Table table) {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = table.execute().collect()) {
            it.forEachRemaining(rows::add);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
