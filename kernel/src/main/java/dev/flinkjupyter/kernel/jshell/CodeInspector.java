package dev.flinkjupyter.kernel.jshell;

import jdk.jshell.SourceCodeAnalysis;

import java.util.List;
import java.util.Optional;

/**
 * Finds the signature and Javadoc of the name at a cursor. The cursor may stand anywhere in the
 * name or just after it, or inside the parentheses of a call.
 */
public final class CodeInspector {
    /** What was found, as plain text: signatures, each followed by its Javadoc when there is one. */
    public record Inspection(String text) {
    }

    private final JavaEvaluator evaluator;

    public CodeInspector(JavaEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    public Optional<Inspection> inspect(String code, int cursor) {
        SourceCodeAnalysis analysis = evaluator.analysis();
        int end = endOfName(code, Math.max(0, Math.min(cursor, code.length())));
        int snippetStart = CellSnippets.startOfSnippetAt(analysis, code, end);
        String snippet = code.substring(snippetStart, end);
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(snippet, snippet.length(), true);
        if (docs.isEmpty() && !snippet.isEmpty() && Character.isJavaIdentifierPart(snippet.charAt(snippet.length() - 1))) {
            // JShell documents a method only inside its call: look at every overload of the name.
            docs = analysis.documentation(snippet + "(", snippet.length() + 1, true);
        }
        if (docs.isEmpty()) {
            return variable(code, end);
        }
        StringBuilder text = new StringBuilder();
        for (SourceCodeAnalysis.Documentation doc : docs) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(doc.signature());
            if (doc.javadoc() != null && !doc.javadoc().isBlank()) {
                text.append("\n\n").append(doc.javadoc().strip());
            }
        }
        return Optional.of(new Inspection(text.toString()));
    }

    /** A cell variable has no Javadoc; its declared type is what the user wants to know. */
    private Optional<Inspection> variable(String code, int end) {
        int start = end;
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
            start--;
        }
        String name = code.substring(start, end);
        String type = evaluator.variables().get(name);
        return type == null ? Optional.empty() : Optional.of(new Inspection(type + " " + name));
    }

    /** Moves a cursor inside or just after a name to the end of that name. */
    static int endOfName(String code, int cursor) {
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        return end;
    }
}
