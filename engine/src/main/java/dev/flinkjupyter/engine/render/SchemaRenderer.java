package dev.flinkjupyter.engine.render;

import dev.flinkjupyter.display.HtmlTable;
import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.display.RenderContext;
import dev.flinkjupyter.display.Renderer;
import dev.flinkjupyter.display.RowCount;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.WatermarkSpec;

/**
 * A table's schema, one row per column: its name, type, whether it may be NULL, and what else it
 * is (computed from an expression, metadata, part of the primary key, the rowtime of a watermark).
 */
final class SchemaRenderer implements Renderer<ResolvedSchema> {

    @Override
    public MimeBundle render(ResolvedSchema schema, RenderContext context) {
        HtmlTable table = HtmlTable.withColumns(
                        HtmlTable.Column.of("column", ""),
                        HtmlTable.Column.of("type", ""),
                        HtmlTable.Column.of("null", ""),
                        HtmlTable.Column.of("extras", ""))
                .noun("column");
        List<String> key = schema.getPrimaryKey().map(k -> k.getColumns()).orElse(List.of());
        for (Column column : schema.getColumns()) {
            List<String> extras = new ArrayList<>();
            column.explainExtras().ifPresent(extras::add);
            if (key.contains(column.getName())) {
                extras.add("PRIMARY KEY");
            }
            for (WatermarkSpec watermark : schema.getWatermarkSpecs()) {
                if (watermark.getRowtimeAttribute().equals(column.getName())) {
                    extras.add("WATERMARK AS " + watermark.getWatermarkExpression().asSummaryString());
                }
            }
            column.getComment().ifPresent(comment -> extras.add("COMMENT '" + comment + "'"));
            table.addRow(column.getName(),
                    column.getDataType().getLogicalType().copy(true).asSummaryString(),
                    column.getDataType().getLogicalType().isNullable() ? "yes" : "no",
                    String.join(", ", extras));
        }
        return table.count(RowCount.all(schema.getColumnCount())).bundle();
    }

}
