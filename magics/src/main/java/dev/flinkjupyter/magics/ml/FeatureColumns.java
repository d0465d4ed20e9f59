package dev.flinkjupyter.magics.ml;

import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.ml.feature.VectorAssembler;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.types.logical.LogicalTypeFamily;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.apache.flink.table.api.Expressions.$;

/**
 * The feature and label columns a user names in {@code %train}: checked against the table before
 * any job runs, and the features put into the one vector column ({@code ARRAY<DOUBLE>}) that the
 * estimators read, computed by Flink.
 */
final class FeatureColumns {
    /** The vector column the magics add. */
    static final String VECTOR = "features";

    private FeatureColumns() {
    }

    /** Requires numeric columns; the error names the column and lists the table's columns with types. */
    static void requireNumeric(Table table, String role, List<String> columns) {
        ResolvedSchema schema = table.getResolvedSchema();
        for (String name : columns) {
            Column column = schema.getColumn(name).orElseThrow(() -> new MagicException(
                    "unknown " + role + " column '" + name + "'; the table has " + describe(schema)));
            if (!column.getDataType().getLogicalType().getTypeRoot().getFamilies().contains(LogicalTypeFamily.NUMERIC)) {
                throw new MagicException(role + " column '" + name + "' is "
                        + column.getDataType().getLogicalType().asSummaryString()
                        + ", not numeric; the table has " + describe(schema));
            }
        }
    }

    /**
     * The table with the vector column added (replaced, if the table has one of that name), by the
     * ml module's {@link VectorAssembler}: a row with a NULL feature fails its job, naming the
     * column and the row's values.
     */
    static Table withVector(Table table, List<String> features) {
        Table input = table.getResolvedSchema().getColumn(VECTOR).isPresent() ? table.dropColumns($(VECTOR)) : table;
        return new VectorAssembler().setInputCols(features.toArray(String[]::new)).setOutputCol(VECTOR)
                .setHandleInvalid("error").transform(input)[0];
    }

    /** {@code a INT, b STRING}. */
    static String describe(ResolvedSchema schema) {
        return schema.getColumns().stream()
                .map(c -> c.getName() + " " + c.getDataType().getLogicalType().asSummaryString())
                .collect(Collectors.joining(", "));
    }

    /** Splits {@code a,b , c} into names. */
    static List<String> parse(String list) {
        List<String> names = new ArrayList<>();
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                names.add(part.strip());
            }
        }
        if (names.isEmpty()) {
            throw new MagicException("--features names no column: give them as --features a,b,c");
        }
        return names;
    }
}
