package dev.flinkjupyter.magics;

import dev.flinkjupyter.engine.EngineOptions;
import dev.flinkjupyter.engine.FlinkEngine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A session for magics' unit tests: variables in a map, a real {@link FlinkEngine} (started on
 * first use), and {@link #execute} that runs magic-only code (Java needs the kernel's JShell).
 */
public final class TestSession implements Session, AutoCloseable {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> types = new LinkedHashMap<>();
    private final List<Path> classPath = new ArrayList<>();
    private FlinkEngine engine;
    private Path temp;

    @Override
    public synchronized FlinkEngine engine() {
        if (engine == null) {
            try {
                temp = Files.createTempDirectory("magics-test");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            engine = FlinkEngine.create(EngineOptions.of(temp).withParallelism(1).withTaskSlots(4));
        }
        return engine;
    }

    @Override
    public Optional<Object> value(String variable) {
        return Optional.ofNullable(values.get(variable));
    }

    @Override
    public Map<String, String> variables() {
        return Map.copyOf(types);
    }

    @Override
    public void bind(String name, Object value, String typeName) {
        values.put(name, value);
        types.put(name, typeName);
    }

    /** Sets a variable as a cell would. */
    public TestSession with(String name, Object value) {
        bind(name, value, value == null ? "Object" : value.getClass().getName());
        return this;
    }

    @Override
    public Object execute(String code) throws Exception {
        Object last = null;
        Magics magics = Magics.load();
        for (CellParts.Part part : CellParts.split(code)) {
            if (part instanceof CellParts.Magic magic) {
                last = magics.run(this, magic.call());
            } else {
                throw new UnsupportedOperationException("TestSession runs magics only, not Java: " + part);
            }
        }
        return last;
    }

    @Override
    public void addToClassPath(List<Path> jars) {
        classPath.addAll(jars);
    }

    /** The jars {@link #addToClassPath} was given. */
    public List<Path> classPath() {
        return List.copyOf(classPath);
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
