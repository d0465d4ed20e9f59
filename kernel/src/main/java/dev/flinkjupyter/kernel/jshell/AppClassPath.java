package dev.flinkjupyter.kernel.jshell;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;

/**
 * Adds jars to the application class loader of a running kernel. Cell classes live in that loader
 * (so that Flink's tasks see them), so a library a cell uses must be there too: the kernel starts
 * with itself as a Java agent ({@code -javaagent:}, see install.sh), and the JDK's instrumentation
 * appends jars to that loader's search path. Flink's local tasks load user classes through it.
 */
public final class AppClassPath {
    private static volatile Instrumentation instrumentation;
    private static final Set<String> APPENDED = ConcurrentHashMap.newKeySet();

    private AppClassPath() {
    }

    /** The agent's entry point: the JVM calls it before the kernel's main. */
    public static void premain(String arguments, Instrumentation inst) {
        instrumentation = inst;
    }

    /** Whether jars can be added: the kernel was started with its agent. */
    static boolean isExtensible() {
        return instrumentation != null;
    }

    /** Appends a jar; a jar appended before is left alone. */
    static void append(Path jar) throws IOException {
        Instrumentation inst = instrumentation;
        if (inst == null) {
            throw new IllegalStateException("this kernel was started without -javaagent:<its own jar>, "
                    + "so jars cannot be added while it runs (reinstall it with install/install.sh)");
        }
        Path absolute = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IOException("not a jar file: " + absolute);
        }
        if (APPENDED.add(absolute.toString())) {
            inst.appendToSystemClassLoaderSearch(new JarFile(absolute.toFile()));
        }
    }

    /** Whether a class path entry was appended here. */
    static boolean contains(String entry) {
        return APPENDED.contains(Path.of(entry).toAbsolutePath().normalize().toString());
    }
}
