package dev.flinkjupyter.kernel.jshell;

import jdk.jshell.Diag;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Evaluates Java cells with JShell, each snippet defined into the class loader that holds Flink.
 * Not thread-safe: the kernel calls it from its one cell thread only (the SQL planner keeps
 * per-thread state, and so does JShell).
 */
public final class JavaEvaluator implements AutoCloseable {
    private static final String RED = "\u001b[1;31m";
    private static final String RESET = "\u001b[0m";

    private static final AtomicBoolean CREATED = new AtomicBoolean();

    private final NotebookExecutionControl control = new NotebookExecutionControl();
    private final JShell shell;
    private final List<LazyVariable> lazyVariables;
    private final Map<String, SnippetOrigin> originBySnippetId = new ConcurrentHashMap<>();
    private final ExceptionReport exceptionReport;
    private volatile boolean interrupted;

    /**
     * @param imports       declarations every notebook starts with, e.g. {@code import java.util.*;}
     * @param lazyVariables variables declared when a cell first mentions them
     */
    public JavaEvaluator(List<String> imports, List<LazyVariable> lazyVariables) {
        if (!CREATED.compareAndSet(false, true)) {
            // Snippet classes go into the application class loader, named REPL.$JShell$N by
            // every JShell alike: a second evaluator would find the first one's classes.
            throw new IllegalStateException("a JVM can hold only one JavaEvaluator");
        }
        this.lazyVariables = List.copyOf(lazyVariables);
        this.shell = JShell.builder()
                .executionEngine(new NotebookControlProvider(control), Map.of())
                .compilerOptions("-parameters")
                .build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        this.exceptionReport = new ExceptionReport(this::originOfFile);
        for (String imp : imports) {
            List<SnippetEvent> events = shell.eval(imp);
            if (events.stream().anyMatch(e -> e.status() == Snippet.Status.REJECTED)) {
                throw new IllegalStateException("default import does not compile: " + imp);
            }
        }
    }

    /**
     * Runs every snippet of a cell in order and returns the value of the last one if it is an
     * expression. Stops at the first snippet that fails; what ran before it stays defined.
     */
    public CellResult evaluate(String code, int executionCount) throws CellException {
        beginCell();
        return evaluatePart(code, executionCount);
    }

    /** Starts a cell: an interrupt from now on stops it, whichever of its parts is running. */
    public void beginCell() {
        interrupted = false;
    }

    /**
     * Runs one Java part of a cell started with {@link #beginCell()}, as {@link #evaluate} does;
     * offsets in {@code code} are the cell's (lines before the part are blank).
     */
    public CellResult evaluatePart(String code, int executionCount) throws CellException {
        if (interrupted) {
            throw interruptedCell();
        }
        declareLazyVariablesUsedIn(code);
        CellSource cell = new CellSource(code);
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        List<String> notes = new ArrayList<>();
        String remaining = code;
        boolean hasValue = false;
        Object value = null;
        while (!remaining.isBlank()) {
            if (interrupted) {
                throw interruptedCell();
            }
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            int consumed = remaining.length() - info.remaining().length();
            if (consumed <= 0 || info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                    || info.completeness() == SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE) {
                consumed = remaining.length();
            }
            int start = code.length() - remaining.length();
            String source = remaining.substring(0, consumed);
            remaining = remaining.substring(consumed);
            if (source.isBlank()) {
                continue;
            }
            hasValue = false;
            value = null;
            Map<String, Object> valuesBefore = valuesBeforeImport(source);
            List<SnippetEvent> events = shell.eval(source);
            restoreResetVariables(events, valuesBefore);
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    continue;  // dependents updated by this snippet
                }
                Snippet snippet = event.snippet();
                originBySnippetId.put(snippet.id(), new SnippetOrigin(executionCount, cell.lineOf(start + leadingBlank(source))));
                if (event.status() == Snippet.Status.REJECTED) {
                    throw compileError(cell, start, snippet);
                }
                if (control.wasStopped() || interrupted) {
                    throw interruptedCell();
                }
                if (event.exception() != null) {
                    throw runtimeError(event.exception());
                }
                if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                        || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    notes.add(snippetName(snippet) + " is defined, but cannot be used until "
                            + String.join(", ", unresolved(snippet)) + " is declared");
                }
                if (isExpression(snippet)) {
                    hasValue = true;
                    value = control.lastValue();
                }
            }
        }
        return new CellResult(hasValue, value, notes);
    }

    /**
     * Describes an exception thrown while the kernel worked on a cell's behalf (drawing its
     * result reads a Flink job's output, for one): a stop request makes it an interruption.
     */
    public CellException describe(Throwable thrown) {
        if (interrupted) {
            return interruptedCell();
        }
        PendingFailure.set(thrown);
        for (SnippetEvent event : shell.eval(PendingFailure.class.getName() + ".rethrow();")) {
            if (event.causeSnippet() == null && event.exception() != null) {
                return exceptionReport.describe(event.exception());
            }
        }
        return exceptionReport.describe(thrown);
    }

    /** Whether the running cell was asked to stop; a magic checks it between its steps. */
    public boolean wasInterrupted() {
        return interrupted;
    }

    /** The error a cell stopped by an interrupt ends with. */
    public CellException interruption() {
        return interruptedCell();
    }

    /**
     * The current value of a variable, read by evaluating its name (which defines no new snippet
     * name). Empty when there is no such variable or it holds null.
     */
    public Optional<Object> valueOf(String name) throws CellException {
        if (!variables().containsKey(name)) {
            return Optional.empty();
        }
        for (SnippetEvent event : shell.eval(name + ";")) {
            if (event.causeSnippet() == null && event.exception() != null) {
                throw runtimeError(event.exception());
            }
        }
        return Optional.ofNullable(control.lastValue());
    }

    /**
     * Declares {@code type name} holding {@code value}, replacing a variable of that name.
     *
     * @throws CellException when the declaration does not compile (a type the cells cannot name)
     */
    public void bind(String name, Object value, String type) throws CellException {
        String key = Bindings.put(value);
        String declaration = type + " " + name + " = (" + type + ") " + Bindings.class.getName() + ".take(\"" + key + "\");";
        for (SnippetEvent event : shell.eval(declaration)) {
            if (event.causeSnippet() != null) {
                continue;
            }
            if (event.status() == Snippet.Status.REJECTED) {
                Bindings.take(key);
                String why = shell.diagnostics(event.snippet()).filter(Diag::isError)
                        .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("; "));
                throw new CellException("BindError", "cannot declare " + type + " " + name + ": " + why,
                        List.of(RED + "cannot declare " + type + " " + name + RESET + ": " + why));
            }
            if (event.exception() != null) {
                throw runtimeError(event.exception());
            }
        }
    }

    /**
     * Adds jars to the class loader that holds cells and Flink, and to the compiler's class path,
     * so that later cells and their jobs use them.
     */
    public void addToClassPath(List<java.nio.file.Path> jars) throws java.io.IOException {
        for (java.nio.file.Path jar : jars) {
            AppClassPath.append(jar);
        }
        shell.addToClasspath(jars.stream().map(j -> j.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(java.io.File.pathSeparator)));
    }

    /** Stops the running cell, if any: the current snippet and the ones after it. */
    public void interrupt() {
        interrupted = true;
        control.stop();
    }

    /** Whether a snippet is running right now. */
    public boolean isRunning() {
        return control.isRunning();
    }

    /** The last resort for a loop that ignores interrupts, on JDKs that can still stop a thread. */
    public boolean forceStop() {
        return control.forceStop();
    }

    /** JShell's analysis, for completion, inspection and completeness checks. */
    public SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    /** The names of the variables defined so far, with their types. */
    public Map<String, String> variables() {
        return shell.variables()
                .filter(v -> shell.status(v).isActive())
                .collect(Collectors.toMap(VarSnippet::name, VarSnippet::typeName, (a, b) -> b));
    }

    private void declareLazyVariablesUsedIn(String code) throws CellException {
        for (LazyVariable lazy : lazyVariables) {
            if (lazy.isMentionedIn(code) && !variables().containsKey(lazy.name())) {
                for (SnippetEvent event : shell.eval(lazy.declaration())) {
                    if (event.causeSnippet() != null) {
                        continue;
                    }
                    boolean stopped = control.wasStopped() || interrupted;
                    if (stopped || event.exception() != null || event.status() == Snippet.Status.REJECTED) {
                        // A half-made variable would stay null: forget it, the next mention retries.
                        shell.drop(event.snippet());
                    }
                    if (stopped) {
                        throw interruptedCell();
                    }
                    if (event.exception() != null) {
                        throw runtimeError(event.exception());
                    }
                    if (event.status() == Snippet.Status.REJECTED) {
                        String why = shell.diagnostics(event.snippet()).filter(Diag::isError)
                                .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("; "));
                        throw new CellException("KernelError", "cannot declare " + lazy.name() + ": " + why,
                                List.of("the kernel could not declare `" + lazy.declaration() + "`: " + why));
                    }
                }
            }
        }
    }

    /**
     * The values of the variables before an import: JShell re-declares a variable when a new
     * on-demand import might change what its type's name means, and the re-declared variable starts
     * over at null. Read in one snippet, so an import costs one extra compile, not one per variable.
     */
    private Map<String, Object> valuesBeforeImport(String source) {
        if (!source.strip().startsWith("import ")) {
            return Map.of();
        }
        List<String> names = shell.variables().filter(v -> shell.status(v).isActive())
                .map(VarSnippet::name).distinct().collect(Collectors.toList());
        if (names.isEmpty()) {
            return Map.of();
        }
        for (SnippetEvent event : shell.eval("new Object[] {" + String.join(", ", names) + "}")) {
            if (event.causeSnippet() == null && event.exception() == null && event.status() == Snippet.Status.VALID
                    && control.lastValue() instanceof Object[] values && values.length == names.size()) {
                shell.drop(event.snippet());
                Map<String, Object> byName = new java.util.HashMap<>();
                for (int i = 0; i < values.length; i++) {
                    byName.put(names.get(i), values[i]);
                }
                return byName;
            }
            shell.drop(event.snippet());
        }
        return Map.of();
    }

    /** Gives the variables an import made JShell re-declare the values they had before it. */
    private void restoreResetVariables(List<SnippetEvent> events, Map<String, Object> valuesBefore) {
        StringBuilder assignments = new StringBuilder();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null && event.snippet() instanceof VarSnippet var
                    && shell.status(var).isActive() && valuesBefore.containsKey(var.name())) {
                String key = Bindings.put(valuesBefore.get(var.name()));
                assignments.append(var.name()).append(" = (").append(var.typeName()).append(") ")
                        .append(Bindings.class.getName()).append(".take(\"").append(key).append("\"); ");
            }
        }
        if (assignments.length() > 0) {
            shell.eval("{ " + assignments + "}");
        }
    }

    private CellException compileError(CellSource cell, int start, Snippet snippet) {
        List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        List<String> lines = new ArrayList<>();
        String first = "does not compile";
        for (Diag diag : errors) {
            long position = diag.getPosition() >= 0 ? diag.getPosition() : diag.getStartPosition();
            int offset = start + (int) Math.max(position, 0);
            int line = cell.lineOf(offset);
            int column = cell.columnOf(offset);
            String message = diag.getMessage(Locale.ROOT);
            String headline = message.lines().findFirst().orElse(message);
            if (lines.isEmpty()) {
                first = "cell line " + line + ", column " + column + ": " + headline;
            }
            lines.add(RED + "error" + RESET + " at cell line " + line + ", column " + column + ": " + headline);
            message.lines().skip(1).filter(extra -> !extra.strip().startsWith("location:"))
                    .forEach(extra -> lines.add("  " + ExceptionReport.readable(extra.strip())));
            lines.add("    " + cell.line(line));
            lines.add("    " + " ".repeat(Math.max(column - 1, 0)) + "^");
        }
        if (errors.isEmpty()) {
            lines.add("the snippet was rejected: " + snippet.source().strip());
        }
        return new CellException("CompileError", first, lines);
    }

    private CellException runtimeError(Exception jshellException) {
        if (jshellException instanceof UnresolvedReferenceException unresolved) {
            Snippet s = unresolved.getSnippet();
            String what = snippetName(s) + " cannot be used until " + String.join(", ", unresolved(s)) + " is declared";
            return new CellException("UnresolvedReference", what, List.of(RED + what + RESET));
        }
        return exceptionReport.describe(jshellException);
    }

    private CellException interruptedCell() {
        return new CellException("Interrupted", "the cell was interrupted",
                List.of(RED + "Interrupted" + RESET + ": the cell was stopped; variables defined before it are kept"));
    }

    private List<String> unresolved(Snippet snippet) {
        if (snippet instanceof jdk.jshell.DeclarationSnippet declaration) {
            return shell.unresolvedDependencies(declaration).collect(Collectors.toList());
        }
        return List.of();
    }

    private SnippetOrigin originOfFile(String fileName) {
        // JShell compiles snippet N into a class whose source file is "#N".
        if (fileName == null || !fileName.startsWith("#")) {
            return null;
        }
        return originBySnippetId.get(fileName.substring(1));
    }

    private static boolean isExpression(Snippet snippet) {
        if (snippet instanceof ExpressionSnippet expression) {
            return !"void".equals(expression.typeName());
        }
        return snippet instanceof VarSnippet var
                && var.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                && !"void".equals(var.typeName());
    }

    private static String snippetName(Snippet snippet) {
        if (snippet instanceof jdk.jshell.DeclarationSnippet declaration) {
            return declaration.name();
        }
        return snippet.source().strip();
    }

    private static int leadingBlank(String source) {
        int i = 0;
        while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    @Override
    public void close() {
        shell.close();
    }
}
