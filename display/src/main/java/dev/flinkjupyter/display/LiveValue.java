package dev.flinkjupyter.display;

/**
 * A value drawn over time, such as the rows of a streaming query while they arrive. Shown by
 * {@link Display#display(Object)} (and as a cell's result): first {@link #firstView()}, then
 * {@link #play(DisplayHandle)} redraws that one output in place until the data ends.
 */
public interface LiveValue {

    /** What to show before any data arrived; a short note by default. */
    default Object firstView() {
        return "waiting for data…";
    }

    /**
     * Draws the value into {@code handle} as its data arrives, a few times a second at most, and
     * returns when the data ends, after a last update that shows all of it. Blocks the calling
     * thread (the cell's).
     *
     * <p>When the thread is interrupted, or the source of the data fails or is cancelled, it stops
     * the source, leaves the last view with a note that says it stopped, and throws: {@link
     * InterruptedException} for an interrupt, the source's exception otherwise.
     */
    void play(DisplayHandle handle) throws Exception;
}
