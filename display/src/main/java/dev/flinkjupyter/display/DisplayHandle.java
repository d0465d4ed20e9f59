package dev.flinkjupyter.display;

import java.util.Objects;

/**
 * One output in the notebook, returned by {@code display(x)}: {@link #update(Object)} redraws it in
 * place, for progress lines, live tables and charts that grow.
 */
public final class DisplayHandle {
    private final String id;
    private final Renderers renderers;
    private final DisplayOutput output;

    DisplayHandle(String id, Renderers renderers, DisplayOutput output) {
        this.id = Objects.requireNonNull(id);
        this.renderers = renderers;
        this.output = output;
    }

    /** The display id that front ends use to find this output. */
    public String id() {
        return id;
    }

    /** Replaces this output with the rendering of {@code value}. */
    public DisplayHandle update(Object value) {
        output.update(renderers.render(value), id);
        return this;
    }

    @Override
    public String toString() {
        return "DisplayHandle[" + id + "]";
    }
}
