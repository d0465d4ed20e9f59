package dev.flinkjupyter.display;

/**
 * The drawing shared by collections, arrays, iterators and streams: the first elements as a table
 * when they have a {@link RowLayout} (its text twin the same table, aligned), else as
 * {@code [a, b, c]} text; either way with the note that says how many were left out.
 */
final class Elements {
    private Elements() {
    }

    static MimeBundle render(Head<?> head, RenderContext context) {
        RowCount count = head.count();
        return context.table(head.elements())
                .map(table -> table.count(count).bundle())
                .orElseGet(() -> MimeBundle.text(list(head)));
    }

    /** {@code [a, b, c]}, and on a line of its own how many were shown of how many. */
    private static String list(Head<?> head) {
        StringBuilder text = new StringBuilder("[");
        boolean first = true;
        for (Object element : head.elements()) {
            if (!first) {
                text.append(", ");
            }
            first = false;
            text.append(PlainText.of(element));
        }
        text.append(']');
        if (head.count().isCut()) {
            text.append("\n(").append(head.count().describe("element")).append(')');
        }
        return text.toString();
    }
}
