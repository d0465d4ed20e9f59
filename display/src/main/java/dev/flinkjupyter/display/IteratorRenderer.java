package dev.flinkjupyter.display;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Draws an iterator, such as the one Flink's {@code executeAndCollect()} returns, by reading at
 * most the row limit plus one element (never the whole result) and closing it when it can be
 * closed, which ends the job behind it.
 */
final class IteratorRenderer implements Renderer<Iterator<?>> {

    @Override
    public MimeBundle render(Iterator<?> iterator, RenderContext context) {
        int limit = context.maxRows();
        List<Object> head = new ArrayList<>();
        boolean more;
        try {
            while (head.size() < limit && iterator.hasNext()) {
                head.add(iterator.next());
            }
            more = iterator.hasNext();
        } finally {
            close(iterator);
        }
        String text = head.toString();
        if (more) {
            text += "\n(showing the first " + limit + " of at least " + (limit + 1) + " elements)";
        }
        return MimeBundle.text(text);
    }

    private static void close(Iterator<?> iterator) {
        if (iterator instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // the elements were read; a failure to release the source does not change them
            }
        }
    }
}
