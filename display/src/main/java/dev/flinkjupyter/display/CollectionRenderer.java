package dev.flinkjupyter.display;

import java.util.Collection;

/** Lists, sets and other collections: their first elements, as a table when they have a row layout. */
final class CollectionRenderer implements Renderer<Collection<?>> {
    @Override
    public MimeBundle render(Collection<?> collection, RenderContext context) {
        return Elements.render(Head.of(collection, context.maxRows()), context);
    }
}
