package dev.flinkjupyter.display;

import java.util.Objects;

/**
 * Shows values now, outside the cell result. The kernel installs the {@link DisplayOutput} and the
 * {@link Renderers}; libraries (the engine's job progress, ML metrics) call {@link #display(Object)}
 * without knowing which kernel they run in.
 */
public final class Display {
    private static volatile Renderers renderers = new Renderers();
    private static volatile DisplayOutput output = new StandardOutput();

    private Display() {
    }

    /**
     * Renders {@code value} and shows it as a new output; the handle updates it in place. A value
     * with a live rendering (a {@link LiveValue}, the result of a streaming query) is shown live:
     * this returns only when its data ends, or throws when it is stopped.
     */
    public static DisplayHandle display(Object value) {
        return new DisplayTarget(renderers, output).display(value);
    }

    /**
     * Where {@link #display(Object)} shows values now: the running cell. Its {@code display(x)}
     * keeps showing there, and its handles keep updating there, after the cell ended; for work a
     * cell starts in the background, such as a job's progress line.
     */
    public static DisplayTarget currentCell() {
        return new DisplayTarget(renderers, output.pinned());
    }

    /**
     * Clears what the running cell has shown so far; with {@code wait}, only when the next output
     * arrives (draw a frame, {@code clearOutput(true)}, draw the next: an animation that does not flicker).
     */
    public static void clearOutput(boolean wait) {
        output.clear(wait);
    }

    /** Clears what the running cell has shown so far, at once. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /** Renders a value with the installed renderers, without showing it. */
    public static MimeBundle render(Object value) {
        return renderers.render(value);
    }

    /** The installed renderer registry, where libraries register their own renderers. */
    public static Renderers renderers() {
        return renderers;
    }

    /** Installs the registry and the output; the kernel calls this once at start. */
    public static void install(Renderers renderers, DisplayOutput output) {
        Display.renderers = Objects.requireNonNull(renderers);
        Display.output = Objects.requireNonNull(output);
    }

    /** Outside a kernel, displayed values go to standard output as text. */
    private static final class StandardOutput implements DisplayOutput {
        @Override
        public void show(MimeBundle bundle, String displayId) {
            System.out.println(bundle.get(MimeBundle.TEXT));
        }

        @Override
        public void update(MimeBundle bundle, String displayId) {
            show(bundle, displayId);
        }

        @Override
        public void clear(boolean wait) {
            // a terminal cannot take back what it printed
        }
    }
}
