package dev.flinkjupyter.display;

/**
 * The drawing shared by collections, arrays, iterators and streams: the first elements as a table
 * when they have a {@link RowLayout}, and always as {@code [a, b, c]} text, with the note that says
 * how many were left out.
 */
final class Elements {
    private Elements() {
    }

    static MimeBundle render(Head<?> head, RenderContext context) {
        RowCount count = head.count();
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
        if (count.isCut()) {
            text.append("\n(").append(count.describe("element")).append(')');
        }
        return context.table(head.elements())
                .map(table -> MimeBundle.html(table.count(count).html(), text.toString()))
                .orElseGet(() -> MimeBundle.text(text.toString()));
    }
}
