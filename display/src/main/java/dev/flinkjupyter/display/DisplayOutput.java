package dev.flinkjupyter.display;

/**
 * Where displayed bundles go. The kernel implements it with Jupyter's {@code display_data} and
 * {@code update_display_data} messages; display itself knows nothing about messaging.
 */
public interface DisplayOutput {
    /** Shows a new output under {@code displayId}, which later updates address. */
    void show(MimeBundle bundle, String displayId);

    /** Replaces, in place, every output shown under {@code displayId}. */
    void update(MimeBundle bundle, String displayId);

    /**
     * Clears the outputs of the running cell; with {@code wait}, only when the next output
     * arrives, so that a redrawn view does not flicker.
     */
    void clear(boolean wait);

    /**
     * This output fixed to where it sends now: the output area of the cell running now, even after
     * that cell ended. Work that a cell started in the background (a job's progress line) shows
     * there, not in whatever cell runs later. By default the output itself, for outputs that have
     * no cells.
     */
    default DisplayOutput pinned() {
        return this;
    }
}
