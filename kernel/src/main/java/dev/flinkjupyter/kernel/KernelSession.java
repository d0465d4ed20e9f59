package dev.flinkjupyter.kernel;

import dev.flinkjupyter.engine.FlinkEngine;
import dev.flinkjupyter.kernel.jshell.CellException;
import dev.flinkjupyter.kernel.jshell.JavaEvaluator;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The session as magics see it: this kernel's engine, its JShell variables, its cells. */
final class KernelSession implements Session {

    /** Runs code as a cell part would, for {@code %time}. */
    interface CellRunner {
        Object run(String code) throws CellException;
    }

    /** A {@link CellException} passed through a Session method that cannot declare it. */
    static final class CellFailure extends RuntimeException {
        final CellException cell;

        CellFailure(CellException cell) {
            super(cell.value(), cell, false, false);
            this.cell = cell;
        }
    }

    private final Supplier<FlinkEngine> engine;
    private final JavaEvaluator evaluator;
    private final CellRunner runner;
    private final Runnable classPathChanged;

    KernelSession(Supplier<FlinkEngine> engine, JavaEvaluator evaluator, CellRunner runner, Runnable classPathChanged) {
        this.engine = engine;
        this.evaluator = evaluator;
        this.runner = runner;
        this.classPathChanged = classPathChanged;
    }

    @Override
    public FlinkEngine engine() {
        return engine.get();
    }

    @Override
    public Optional<Object> value(String variable) {
        try {
            return evaluator.valueOf(variable);
        } catch (CellException e) {
            throw new CellFailure(e);
        }
    }

    @Override
    public Map<String, String> variables() {
        return evaluator.variables();
    }

    @Override
    public void bind(String name, Object value, String typeName) {
        try {
            evaluator.bind(name, value, typeName);
        } catch (CellException e) {
            throw new CellFailure(e);
        }
    }

    @Override
    public Object execute(String code) throws CellException {
        return runner.run(code);
    }

    @Override
    public void addToClassPath(List<Path> jars) {
        try {
            evaluator.addToClassPath(jars);
        } catch (IOException | IllegalStateException e) {
            throw new MagicException("cannot add to the class path: " + e.getMessage(), e);
        } finally {
            classPathChanged.run();
        }
    }
}
