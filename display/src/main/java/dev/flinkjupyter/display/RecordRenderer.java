package dev.flinkjupyter.display;

import java.util.List;

/**
 * A record: a one-row table of its components under the record's name, and its own
 * {@code toString()} ({@code Point[x=1, y=2]}) as text.
 */
final class RecordRenderer implements Renderer<Record> {
    @Override
    public MimeBundle render(Record record, RenderContext context) {
        String text = String.valueOf(record);
        return context.table(List.of(record))
                .map(table -> MimeBundle.html(table.title(JavaTypes.name(record.getClass())).html(), text))
                .orElseGet(() -> MimeBundle.text(text));
    }
}
