package dev.flinkjupyter.display;

import java.util.Iterator;

/**
 * Draws an iterator, such as the one Flink's {@code executeAndCollect()} returns, by reading at
 * most the row limit plus one element (never the whole result) and closing it when it can be
 * closed, which ends the job behind it. Elements with a {@link RowLayout} (Flink rows, records,
 * POJOs) are drawn as a table.
 */
final class IteratorRenderer implements Renderer<Iterator<?>> {

    @Override
    public MimeBundle render(Iterator<?> iterator, RenderContext context) {
        Head<?> head;
        try {
            head = Head.of(iterator, context.maxRows());
        } finally {
            close(iterator);
        }
        return Elements.render(head, context);
    }

    static void close(Object source) {
        if (source instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // the elements were read; a failure to release the source does not change them
            }
        }
    }
}
