package dev.flinkjupyter.engine.render;

import dev.flinkjupyter.display.HtmlTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;

/** Table columns from a Flink schema: Flink's type names, numbers right-aligned. */
final class FlinkColumns {
    private FlinkColumns() {
    }

    static List<HtmlTable.Column> of(ResolvedSchema schema) {
        List<HtmlTable.Column> columns = new ArrayList<>(schema.getColumnCount());
        List<String> names = schema.getColumnNames();
        List<DataType> types = schema.getColumnDataTypes();
        for (int i = 0; i < names.size(); i++) {
            columns.add(of(names.get(i), types.get(i)));
        }
        return columns;
    }

    static HtmlTable.Column of(String name, DataType type) {
        return new HtmlTable.Column(name, type.toString(), type.getLogicalType().is(LogicalTypeFamily.NUMERIC));
    }
}
