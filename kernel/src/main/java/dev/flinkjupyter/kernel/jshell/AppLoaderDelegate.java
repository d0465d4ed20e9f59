package dev.flinkjupyter.kernel.jshell;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

import java.io.File;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Defines snippet classes into the class loader that holds Flink (the application loader), so
 * Flink jobs and cells share one copy of every snippet class and so of every cell variable.
 * A second copy in a child loader would run with unset statics: silently wrong results.
 */
final class AppLoaderDelegate implements LoaderDelegate {
    private static final String CANCEL_CLASS = "REPL.$Cancel$";

    private final MethodHandles.Lookup replPackage;
    private final ClassLoader loader;
    private final Map<String, Class<?>> defined = new ConcurrentHashMap<>();

    AppLoaderDelegate() {
        try {
            replPackage = MethodHandles.privateLookupIn(REPL.$Cancel$.class, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot define classes in package REPL", e);
        }
        loader = REPL.$Cancel$.class.getClassLoader();
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        // A class can only be defined after its superclass and interfaces, which may come in the
        // same batch in any order: define what can be defined, then retry the rest.
        List<ClassBytecodes> pending = new ArrayList<>();
        for (ClassBytecodes c : classes) {
            if (!CANCEL_CLASS.equals(c.name())) {
                pending.add(c);
            }
        }
        Throwable lastFailure = null;
        while (!pending.isEmpty()) {
            List<ClassBytecodes> retry = new ArrayList<>();
            for (ClassBytecodes c : pending) {
                try {
                    defined.put(c.name(), replPackage.defineClass(c.bytecodes()));
                } catch (NoClassDefFoundError e) {
                    lastFailure = e;
                    retry.add(c);
                } catch (IllegalAccessException | LinkageError e) {
                    throw installFailure(classes, e);
                }
            }
            if (retry.size() == pending.size()) {
                throw installFailure(classes, lastFailure);
            }
            pending = retry;
        }
    }

    private ClassInstallException installFailure(ClassBytecodes[] classes, Throwable cause) {
        boolean[] installed = new boolean[classes.length];
        for (int i = 0; i < classes.length; i++) {
            installed[i] = defined.containsKey(classes[i].name());
        }
        return new ClassInstallException("load: " + cause, installed);
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        // Never called: redefinition is not supported, so JShell gives changed classes new names.
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        // The compiler needs the kernel's class path and the jars added since; the loader has them already.
        List<String> known = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty() && !known.contains(entry) && !AppClassPath.contains(entry)) {
                throw new InternalException("cannot add " + entry + " to the class path of a running kernel");
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = defined.get(name);
        return c != null ? c : Class.forName(name, false, loader);
    }
}
