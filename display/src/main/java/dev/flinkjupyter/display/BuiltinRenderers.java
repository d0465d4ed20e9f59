package dev.flinkjupyter.display;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.BaseStream;

/**
 * The renderers every registry starts with: the JDK's types and Tablesaw tables (display depends
 * on Tablesaw). Engine and ML plug theirs in as {@link RendererProvider}s.
 */
final class BuiltinRenderers {
    private BuiltinRenderers() {
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> generic(Class<?> type) {
        return (Class<T>) type;
    }

    static void registerInto(Renderers renderers) {
        renderers.register(CharSequence.class, (value, context) -> MimeBundle.text(value.toString()));
        renderers.register(Html.class, (value, context) -> MimeBundle.html(value.html(), value.html()));
        renderers.register(Markdown.class,
                (value, context) -> MimeBundle.text(value.markdown()).with(MimeBundle.MARKDOWN, value.markdown()));
        renderers.register(HtmlTable.class, (value, context) -> value.bundle());

        renderers.register(generic(Collection.class), new CollectionRenderer());
        renderers.register(generic(Map.class), new MapRenderer());
        renderers.register(generic(Iterator.class), new IteratorRenderer());
        renderers.register(generic(BaseStream.class), new StreamRenderer());
        renderers.register(generic(Optional.class), new OptionalRenderer());
        renderers.register(Record.class, new RecordRenderer());
        renderers.register(Throwable.class, new ThrowableRenderer());

        renderers.register(tech.tablesaw.api.Table.class, new TablesawRenderer());
        renderers.<tech.tablesaw.columns.Column<?>>register(generic(tech.tablesaw.columns.Column.class),
                (column, context) -> TablesawRenderer.render(column, context));

        renderers.registerRowLayout(Record.class, RecordLayout.INSTANCE);
        renderers.registerRowLayout(generic(Map.class), MapLayout.INSTANCE);
    }
}
