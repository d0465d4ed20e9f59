package dev.flinkjupyter.kernel.jshell;

import java.util.List;

/**
 * What a cell that ran to its end produced: the value of its last expression, if it ended with
 * one, and notes for the user (for example a class that waits for a declaration).
 */
public record CellResult(boolean hasValue, Object value, List<String> notes) {
    static CellResult none(List<String> notes) {
        return new CellResult(false, null, notes);
    }
}
