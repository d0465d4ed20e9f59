package dev.flinkjupyter.kernel.jshell;

import java.util.List;

/**
 * A cell that did not finish: it did not compile, threw, or was interrupted. Carries what
 * Jupyter shows: a short name, a one-line value and the traceback lines.
 */
public final class CellException extends Exception {
    private final String name;
    private final List<String> traceback;

    public CellException(String name, String value, List<String> traceback) {
        super(value, null, false, false);
        this.name = name;
        this.traceback = List.copyOf(traceback);
    }

    /** The error's name, e.g. {@code CompileError} or {@code IllegalStateException}. */
    public String name() {
        return name;
    }

    /** The error's one-line description. */
    public String value() {
        return getMessage();
    }

    /** The lines to show, outermost first. */
    public List<String> traceback() {
        return traceback;
    }
}
