package dev.flinkjupyter.kernel.jshell;

import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.Map;

/** Hands JShell the one execution control the kernel built, so the kernel can stop it. */
final class NotebookControlProvider implements ExecutionControlProvider {
    private final NotebookExecutionControl control;

    NotebookControlProvider(NotebookExecutionControl control) {
        this.control = control;
    }

    @Override
    public String name() {
        return "flink-notebook";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
    }
}
