package dev.flinkjupyter.engine;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.net.URI;
import java.util.List;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a class in memory and defines it into the app class loader, next to Flink, the way the
 * kernel defines notebook cell classes (JShell snippets).
 */
final class RuntimeClasses {

    private RuntimeClasses() {}

    /** Compiles {@code source} (a class in this test's package) and defines it through this package's lookup. */
    static Class<?> define(String simpleName, String source) throws Exception {
        byte[] bytes = compile(simpleName, source);
        return MethodHandles.lookup().defineClass(bytes);
    }

    private static byte[] compile(String simpleName, String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null);
        JavaFileManager capture = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(
                    Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return out;
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(
                URI.create("string:///" + simpleName + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        // Surefire runs tests from a manifest-only jar; its real class path is in this property.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        boolean ok = javac.getTask(null, capture, null, List.of("-classpath", classPath, "-proc:none"), null, List.of(unit))
                .call();
        if (!ok) {
            throw new IllegalStateException("cannot compile " + simpleName);
        }
        return out.toByteArray();
    }
}
