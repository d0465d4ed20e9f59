package dev.flinkjupyter.display;

/**
 * Charts are drawn with AWT, which must not look for a screen in a kernel: a kernel has none, and
 * on some systems the attempt hangs or fails.
 */
final class Headless {
    private Headless() {
    }

    /** Sets {@code java.awt.headless=true} unless the JVM was started with a choice of its own. */
    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
