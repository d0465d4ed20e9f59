package dev.flinkjupyter.engine.render;

import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.display.RenderContext;
import dev.flinkjupyter.display.Renderer;
import java.util.List;
import org.apache.flink.types.Row;

/** One Flink row: a one-row table of its fields, and Flink's own text ({@code +I[1, a]}). */
final class RowRenderer implements Renderer<Row> {
    @Override
    public MimeBundle render(Row row, RenderContext context) {
        String text = String.valueOf(row);
        return context.table(List.of(row))
                .map(table -> MimeBundle.html(table.html(), text))
                .orElseGet(() -> MimeBundle.text(text));
    }
}
