package dev.flinkjupyter.magics.deps;

import dev.flinkjupyter.display.Display;
import dev.flinkjupyter.magics.Session;

import java.nio.file.Path;
import java.util.List;

/**
 * Adds jars to the running kernel: to its class path (cells and Flink jobs), to what later
 * {@code %maven} calls count as present, and picks up the display renderers they bring. The kernel
 * itself reloads the magics they bring.
 */
final class ClassPathAddition {
    private ClassPathAddition() {
    }

    /** Adds the jars; prints which renderer providers came with them. */
    static void add(Session session, List<Path> jars) {
        if (jars.isEmpty()) {
            return;
        }
        session.addToClassPath(jars);
        jars.forEach(KernelArtifacts::added);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<String> renderers = Display.renderers()
                .installNewProviders(loader == null ? ClassLoader.getSystemClassLoader() : loader);
        if (!renderers.isEmpty()) {
            System.out.println("Renderers installed from: " + String.join(", ", renderers));
        }
    }
}
