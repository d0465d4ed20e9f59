package dev.flinkjupyter.kernel;

import java.nio.file.Path;

/** Jupyter's per-user data directory, as jupyter_core computes it on Linux. */
final class JupyterPaths {
    private JupyterPaths() {
    }

    static Path dataDirectory() {
        String explicit = System.getenv("JUPYTER_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "jupyter");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "jupyter");
    }
}
