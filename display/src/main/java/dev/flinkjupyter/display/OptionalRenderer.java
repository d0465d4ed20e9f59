package dev.flinkjupyter.display;

import java.util.Optional;

/** An Optional: the rendering of its value, said to be inside an Optional in the text. */
final class OptionalRenderer implements Renderer<Optional<?>> {
    @Override
    public MimeBundle render(Optional<?> optional, RenderContext context) {
        if (optional.isEmpty()) {
            return MimeBundle.text("Optional.empty");
        }
        MimeBundle inner = context.render(optional.get());
        String innerText = String.valueOf(inner.get(MimeBundle.TEXT));
        MimeBundle bundle = new MimeBundle();
        bundle.with(MimeBundle.TEXT, innerText.contains("\n") ? "Optional of:\n" + innerText : "Optional[" + innerText + "]");
        inner.data().forEach((mime, value) -> {
            if (!mime.equals(MimeBundle.TEXT)) {
                bundle.with(mime, value);
            }
        });
        inner.metadata().forEach(bundle::withMetadata);
        return bundle;
    }
}
