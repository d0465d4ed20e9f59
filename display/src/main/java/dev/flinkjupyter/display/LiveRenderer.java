package dev.flinkjupyter.display;

import java.util.Optional;

/**
 * Turns a value of one type into a {@link LiveValue} when it is best shown live, for example the
 * result of a streaming query; registered per type with {@link Renderers#registerLive}. A value
 * with a live rendering is shown live by {@code display(x)} and as a cell's result; its ordinary
 * {@link Renderer} is still used by {@link Renderers#render(Object)}.
 *
 * @param <T> the type this renderer draws
 */
@FunctionalInterface
public interface LiveRenderer<T> {
    /** The live rendering of {@code value}, or empty when it is better shown once, as it is now. */
    Optional<LiveValue> live(T value, RenderContext context);
}
