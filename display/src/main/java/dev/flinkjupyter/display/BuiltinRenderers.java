package dev.flinkjupyter.display;

import java.util.Iterator;

/** The renderers every registry starts with; richer ones come from {@link RendererProvider}s. */
final class BuiltinRenderers {
    private BuiltinRenderers() {
    }

    @SuppressWarnings("unchecked")
    private static Class<Iterator<?>> iteratorType() {
        return (Class<Iterator<?>>) (Class<?>) Iterator.class;
    }

    static void registerInto(Renderers renderers) {
        renderers.register(CharSequence.class, (value, context) -> MimeBundle.text(value.toString()));
        renderers.register(Html.class, (value, context) -> MimeBundle.html(value.html(), value.html()));
        renderers.register(iteratorType(), new IteratorRenderer());
        renderers.register(Markdown.class,
                (value, context) -> MimeBundle.text(value.markdown()).with(MimeBundle.MARKDOWN, value.markdown()));
    }
}
