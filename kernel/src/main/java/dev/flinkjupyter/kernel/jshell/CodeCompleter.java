package dev.flinkjupyter.kernel.jshell;

import jdk.jshell.SourceCodeAnalysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Completes Java names and members at a cursor, in a cell that may hold several snippets. */
public final class CodeCompleter {
    /** The texts that may replace {@code code[start, end)}. */
    public record Completions(List<String> matches, int start, int end) {
    }

    private final JavaEvaluator evaluator;

    public CodeCompleter(JavaEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    public Completions complete(String code, int cursor) {
        SourceCodeAnalysis analysis = evaluator.analysis();
        int cursorAt = Math.max(0, Math.min(cursor, code.length()));
        int snippetStart = CellSnippets.startOfSnippetAt(analysis, code, cursorAt);
        String snippet = code.substring(snippetStart, cursorAt);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(snippet, snippet.length(), anchor);
        // Suggestions that fit the expected type first, as JShell's own tool does.
        Set<String> matches = new LinkedHashSet<>();
        List<String> others = new ArrayList<>();
        for (SourceCodeAnalysis.Suggestion s : suggestions) {
            if (s.matchesType()) {
                matches.add(s.continuation());
            } else {
                others.add(s.continuation());
            }
        }
        matches.addAll(others);
        return new Completions(new ArrayList<>(matches), snippetStart + anchor[0], cursorAt);
    }
}
