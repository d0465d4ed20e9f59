package dev.flinkjupyter.kernel.jshell;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/** Finds, in a cell of several snippets, the one a cursor stands in. */
final class CellSnippets {
    private CellSnippets() {
    }

    /** The offset where the snippet that holds {@code cursor} starts. */
    static int startOfSnippetAt(SourceCodeAnalysis analysis, String code, int cursor) {
        int start = 0;
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete() || info.completeness() == Completeness.EMPTY) {
                return start;
            }
            int consumed = remaining.length() - info.remaining().length();
            if (consumed <= 0 || start + consumed >= cursor) {
                return start;
            }
            start += consumed;
            remaining = remaining.substring(consumed);
        }
        return start;
    }
}
