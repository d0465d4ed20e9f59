package dev.flinkjupyter.kernel.jshell;

import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Answers Jupyter's is_complete: {@code complete}, {@code incomplete} (an open brace, a dangling
 * operator: more lines will come) or {@code invalid} (does not parse, whatever follows).
 */
public final class Completeness {
    public enum Status { COMPLETE, INCOMPLETE, INVALID }

    private final JavaEvaluator evaluator;

    public Completeness(JavaEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    public Status of(String code) {
        SourceCodeAnalysis analysis = evaluator.analysis();
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE:
                    return Status.INCOMPLETE;
                case UNKNOWN:
                    return Status.INVALID;
                case EMPTY:
                    return Status.COMPLETE;
                default:
                    break;
            }
            // Parsing alone (no compilation, no side effects) tells code that can never compile.
            boolean parses = analysis.sourceToSnippets(info.source()).stream()
                    .noneMatch(s -> s.kind() == Snippet.Kind.ERRONEOUS);
            if (!parses) {
                return Status.INVALID;
            }
            int consumed = remaining.length() - info.remaining().length();
            if (consumed <= 0) {
                return Status.COMPLETE;
            }
            remaining = info.remaining();
        }
        return Status.COMPLETE;
    }
}
