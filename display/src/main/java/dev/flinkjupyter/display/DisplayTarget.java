package dev.flinkjupyter.display;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;

/**
 * A place that shows values: {@link Display#display(Object)} shows in the running cell, and
 * {@link Display#currentCell()} gives a target that stays with the cell that ran when it was taken.
 */
public final class DisplayTarget {
    private final Renderers renderers;
    private final DisplayOutput output;

    DisplayTarget(Renderers renderers, DisplayOutput output) {
        this.renderers = Objects.requireNonNull(renderers);
        this.output = Objects.requireNonNull(output);
    }

    /**
     * Renders {@code value} and shows it as a new output; the handle updates it in place. A value
     * with a live rendering is shown live: its first view at once, then updated until its data
     * ends. An interrupted live value throws {@link CancellationException}.
     */
    public DisplayHandle display(Object value) {
        Optional<LiveValue> live = renderers.live(value);
        DisplayHandle handle = new DisplayHandle(UUID.randomUUID().toString(), renderers, output);
        if (live.isEmpty()) {
            output.show(renderers.render(value), handle.id());
            return handle;
        }
        output.show(renderers.render(live.get().firstView()), handle.id());
        try {
            live.get().play(handle);
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            // The interrupt is answered by stopping: the cell that asked for it ends here.
            CancellationException stopped = new CancellationException("the live display was interrupted");
            stopped.initCause(e);
            throw stopped;
        } catch (Exception e) {
            throw new IllegalStateException("the live display failed: " + e.getMessage(), e);
        }
        return handle;
    }
}
