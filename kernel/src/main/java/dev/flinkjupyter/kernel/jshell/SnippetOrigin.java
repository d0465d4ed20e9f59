package dev.flinkjupyter.kernel.jshell;

/** Where a JShell snippet came from: which cell execution, and the line of the cell it starts on. */
record SnippetOrigin(int executionCount, int firstLine) {

    /** How a stack frame at {@code snippetLine} of the snippet is shown: {@code cell [3], line 2}. */
    String describe(int snippetLine) {
        return "cell [" + executionCount + "], line " + (firstLine + Math.max(snippetLine, 1) - 1);
    }
}
