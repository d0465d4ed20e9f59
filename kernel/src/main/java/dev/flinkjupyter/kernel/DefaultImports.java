package dev.flinkjupyter.kernel;

import dev.flinkjupyter.kernel.jshell.LazyVariable;

import java.util.List;

/** What a notebook has before its first cell: imports, and the lazily declared env and tEnv. */
final class DefaultImports {
    private DefaultImports() {
    }

    static final List<String> IMPORTS = List.of(
            "import java.util.*;",
            "import java.util.stream.*;",
            "import java.time.*;",
            "import org.apache.flink.api.common.RuntimeExecutionMode;",
            "import org.apache.flink.api.common.functions.*;",
            "import org.apache.flink.api.common.typeinfo.Types;",
            "import org.apache.flink.api.java.tuple.*;",
            "import org.apache.flink.streaming.api.datastream.*;",
            "import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;",
            "import org.apache.flink.table.api.*;",
            "import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;",
            "import org.apache.flink.table.functions.*;",
            "import org.apache.flink.types.Row;",
            "import org.apache.flink.types.RowKind;",
            "import static org.apache.flink.table.api.Expressions.*;",
            "import dev.flinkjupyter.display.*;",
            "import static dev.flinkjupyter.display.Display.display;",
            "import static dev.flinkjupyter.display.Display.clearOutput;",
            "import dev.flinkjupyter.engine.render.Live;",
            "import dev.flinkjupyter.kernel.Notebook;");

    static final List<LazyVariable> VARIABLES = List.of(
            new LazyVariable("env", "StreamExecutionEnvironment", "Notebook.engine().environment()"),
            new LazyVariable("tEnv", "StreamTableEnvironment", "Notebook.engine().tableEnvironment()"));
}
