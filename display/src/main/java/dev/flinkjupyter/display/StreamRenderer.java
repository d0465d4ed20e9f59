package dev.flinkjupyter.display;

import java.util.stream.BaseStream;

/**
 * A Java stream left as a cell's value: its first elements, like an iterator's. Showing it consumes
 * and closes it, as a terminal operation would.
 */
final class StreamRenderer implements Renderer<BaseStream<?, ?>> {
    @Override
    public MimeBundle render(BaseStream<?, ?> stream, RenderContext context) {
        Head<?> head;
        try (stream) {
            head = Head.of(stream.iterator(), context.maxRows());
        }
        return Elements.render(head, context);
    }
}
