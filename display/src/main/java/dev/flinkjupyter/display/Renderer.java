package dev.flinkjupyter.display;

/**
 * Turns a value of one type into a {@link MimeBundle}. Registered per type in {@link Renderers};
 * the most specific registered type of a value wins.
 *
 * @param <T> the type this renderer draws
 */
@FunctionalInterface
public interface Renderer<T> {
    /** Renders {@code value}; never returns null, and always includes {@code text/plain}. */
    MimeBundle render(T value, RenderContext context);
}
