package dev.flinkjupyter.display;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.BaseStream;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The renderers every registry starts with: the JDK's types, Tablesaw tables and XChart charts
 * (display depends on both libraries). Engine and ML plug theirs in as {@link RendererProvider}s.
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
        renderers.register(Image.class, (value, context) -> value.bundle());
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
        renderers.register(generic(Chart.class), new ChartRenderer());
        renderers.register(Histogram.class,
                (value, context) -> context.render(Charts.hist("", value, "")));

        renderers.registerRowLayout(Record.class, RecordLayout.INSTANCE);
        renderers.registerRowLayout(generic(Map.class), MapLayout.INSTANCE);
    }
}
