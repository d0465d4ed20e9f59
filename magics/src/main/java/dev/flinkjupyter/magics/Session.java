package dev.flinkjupyter.magics;

import dev.flinkjupyter.engine.FlinkEngine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a magic may reach of the notebook it runs in. The kernel implements it; magics never see
 * Jupyter messages or JShell. Every method is called on the cell thread, while a cell runs.
 */
public interface Session {

    /** This kernel's Flink: its cluster, environments, SQL and jobs. */
    FlinkEngine engine();

    /** The current value of a cell variable; empty when no variable has that name, or it holds null. */
    Optional<Object> value(String variable);

    /** The cell variables defined so far: name to declared type, as written in the cell. */
    Map<String, String> variables();

    /**
     * Declares {@code typeName name} holding {@code value}, so that the next cells use it with its
     * proper type. A variable of the same name is replaced.
     *
     * @param typeName a type the cells can name, fully qualified when ambiguous
     *                 (for example {@code tech.tablesaw.api.Table})
     */
    void bind(String name, Object value, String typeName);

    /**
     * Runs cell code (Java, and magics) as if it were a cell, and returns the value of its last
     * expression, or null when it has none. Errors propagate as exceptions.
     */
    Object execute(String code) throws Exception;

    /** Makes jars visible to later cells and to the Flink jobs they submit. */
    void addToClassPath(List<Path> jars);
}
