package dev.flinkjupyter.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps: a two-column key/value table of the first entries, and {@code {k=v, ...}} text. */
final class MapRenderer implements Renderer<Map<?, ?>> {

    @Override
    public MimeBundle render(Map<?, ?> map, RenderContext context) {
        Head<Map.Entry<?, ?>> head = Head.of(map.entrySet(), context.maxRows());
        List<Object> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Map.Entry<?, ?> entry : head.elements()) {
            keys.add(entry.getKey());
            values.add(entry.getValue());
        }
        HtmlTable table = HtmlTable.withColumns(
                        HtmlTable.Column.of("key", JavaTypes.commonName(keys)),
                        HtmlTable.Column.of("value", JavaTypes.commonName(values)))
                .noun("entry");
        for (int i = 0; i < keys.size(); i++) {
            table.addRow(keys.get(i), values.get(i));
        }
        table.count(head.count());
        String text = PlainText.elements(head.elements().iterator(), head.elements().size(), head.elements().size(), "{", "}");
        if (head.count().isCut()) {
            text += "\n(" + head.count().describe("entry") + ")";
        }
        return MimeBundle.html(table.html(), text);
    }
}
