package dev.flinkjupyter.display;

/** The renderers every registry starts with; richer ones come from {@link RendererProvider}s. */
final class BuiltinRenderers {
    private BuiltinRenderers() {
    }

    static void registerInto(Renderers renderers) {
        renderers.register(CharSequence.class, (value, context) -> MimeBundle.text(value.toString()));
        renderers.register(Html.class, (value, context) -> MimeBundle.html(value.html(), value.html()));
        renderers.register(Markdown.class,
                (value, context) -> MimeBundle.text(value.markdown()).with(MimeBundle.MARKDOWN, value.markdown()));
    }
}
