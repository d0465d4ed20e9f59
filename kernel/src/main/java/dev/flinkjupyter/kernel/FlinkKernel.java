package dev.flinkjupyter.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.flinkjupyter.display.Display;
import dev.flinkjupyter.display.DisplayHandle;
import dev.flinkjupyter.display.LiveValue;
import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.display.Renderers;
import dev.flinkjupyter.engine.FlinkEngine;
import dev.flinkjupyter.kernel.jshell.CellException;
import dev.flinkjupyter.kernel.jshell.CellResult;
import dev.flinkjupyter.kernel.jshell.CodeCompleter;
import dev.flinkjupyter.kernel.jshell.CodeInspector;
import dev.flinkjupyter.kernel.jshell.Completeness;
import dev.flinkjupyter.kernel.jshell.JavaEvaluator;
import dev.flinkjupyter.kernel.protocol.Channel;
import dev.flinkjupyter.kernel.protocol.KernelConnection;
import dev.flinkjupyter.kernel.protocol.Message;
import dev.flinkjupyter.kernel.protocol.MessageHandler;
import dev.flinkjupyter.magics.CellParts;
import dev.flinkjupyter.magics.MagicCall;
import dev.flinkjupyter.magics.MagicCompletions;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Magics;
import dev.flinkjupyter.magics.UsageException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The Jupyter kernel: answers each request type by composing the evaluator, the completer, the
 * inspector, the history and the engine. Requests on shell are handled one at a time; interrupt
 * and shutdown arrive on control while a cell runs.
 */
final class FlinkKernel implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FlinkKernel.class.getName());

    private final KernelConnection connection;
    private final NotebookOutput output;
    private final Supplier<FlinkEngine> engineFactory;
    private volatile FlinkEngine engine;
    private final History history;
    private final Renderers renderers;
    private final CellThread cellThread = new CellThread();
    private final String session = UUID.randomUUID().toString();
    private final AtomicInteger executionCount = new AtomicInteger();
    private final Interrupter interrupter;
    private JavaEvaluator evaluator;
    private CodeCompleter completer;
    private CodeInspector inspector;
    private Completeness completeness;
    /** The magics, loaded on first use and again after jars are added (a jar may bring magics). */
    private volatile Magics magics;
    private static final String RED = "\u001b[1;31m";
    private static final String RESET = "\u001b[0m";
    private final AtomicLong cells = new AtomicLong();
    private volatile long runningCell;
    private final CountDownLatch firstReplySent = new CountDownLatch(1);
    private static final long STARTUP_GRACE_MS = 400;

    /**
     * @param engineFactory makes the Flink engine; called once, on the cell thread, after the
     *                      kernel already answers (loading Flink's classes takes a while)
     */
    FlinkKernel(KernelConnection connection, Supplier<FlinkEngine> engineFactory, History history) {
        this.connection = connection;
        this.engineFactory = engineFactory;
        this.history = history;
        this.output = new NotebookOutput(connection);
        this.renderers = Renderers.withInstalledProviders();
        this.interrupter = new Interrupter(() -> engine, () -> runningCell, () -> evaluator);
        Display.install(renderers, output);
        System.setOut(output.stdout());
        System.setErr(output.stderr());
        connection.on("kernel_info_request", this::kernelInfo);
        connection.on("execute_request", this::execute);
        connection.on("complete_request", answered("complete_reply", this::complete));
        connection.on("inspect_request", answered("inspect_reply", this::inspect));
        connection.on("is_complete_request", answered("is_complete_reply", this::isComplete));
        connection.on("history_request", this::history);
        connection.on("comm_info_request", this::commInfo);
        connection.on("interrupt_request", this::interruptRequest);
        connection.on("shutdown_request", this::shutdown);
    }

    /**
     * Builds the evaluator on the cell thread, in the background. It waits for the first
     * kernel_info reply (or a short while): on two cores, loading JShell and Flink at the same
     * time as the first reply would slow the reply that tells Jupyter the kernel is up.
     */
    void start() {
        cellThread.start(() -> {
            awaitFirstReply();
            engine = engineFactory.get();
            Notebook.install(engine);
            evaluator = new JavaEvaluator(DefaultImports.IMPORTS, DefaultImports.VARIABLES);
            completer = new CodeCompleter(evaluator);
            inspector = new CodeInspector(evaluator);
            completeness = new Completeness(evaluator);
            warmUp();
        });
        connection.publish(Message.orphan("status", session, status("starting")));
    }

    private void awaitFirstReply() {
        try {
            firstReplySent.await(STARTUP_GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void warmUp() {
        try {
            evaluator.analysis().analyzeCompletion("1 + 1");
            evaluator.evaluate("1 + 1", 0);
        } catch (CellException e) {
            LOG.warning("warm-up failed: " + e.value());
        }
    }

    /** Stops the running cell, as Jupyter's interrupt (a message, or SIGINT) asks. */
    void interrupt() {
        interrupter.interrupt();
    }

    private void kernelInfo(Message request, Channel reply) {
        busy(request);
        JsonObject content = ok();
        content.addProperty("protocol_version", Message.PROTOCOL_VERSION);
        content.addProperty("implementation", "flink-jupyter");
        content.addProperty("implementation_version", Version.kernel());
        JsonObject language = new JsonObject();
        language.addProperty("name", "java");
        language.addProperty("version", Runtime.version().toString());
        language.addProperty("mimetype", "text/x-java");
        language.addProperty("file_extension", ".java");
        language.addProperty("pygments_lexer", "java");
        language.addProperty("codemirror_mode", "text/x-java");
        content.add("language_info", language);
        content.addProperty("banner", "Java " + Runtime.version().feature() + " with Apache Flink "
                + Version.flink() + " (flink-jupyter " + Version.kernel() + ")");
        JsonArray links = new JsonArray();
        links.add(link("Apache Flink documentation", "https://nightlies.apache.org/flink/flink-docs-stable/"));
        links.add(link("Java SE API", "https://docs.oracle.com/en/java/javase/17/docs/api/"));
        content.add("help_links", links);
        content.addProperty("debugger", false);
        reply.send(request.child("kernel_info_reply", content));
        idle(request);
        firstReplySent.countDown();
    }

    private void execute(Message request, Channel reply) {
        firstReplySent.countDown();
        JsonObject in = request.content();
        String code = in.get("code").getAsString();
        boolean silent = in.has("silent") && in.get("silent").getAsBoolean();
        boolean storeHistory = !silent && (!in.has("store_history") || in.get("store_history").getAsBoolean());
        int count = storeHistory ? executionCount.incrementAndGet() : executionCount.get();
        busy(request);
        output.beginRequest(request);
        if (!silent) {
            JsonObject input = new JsonObject();
            input.addProperty("code", code);
            input.addProperty("execution_count", count);
            connection.publish(request.child("execute_input", input));
        }
        Optional<String> helpFor = HelpRequest.nameIn(code);
        if (helpFor.isPresent()) {
            reply.send(request.child("execute_reply", help(helpFor.get(), count)));
            idle(request);
            return;
        }
        JsonObject content;
        String resultText = null;
        runningCell = cells.incrementAndGet();
        try {
            Outcome outcome = cellThread.call(() -> run(code, count, silent));
            output.flush();
            for (String note : outcome.notes()) {
                System.err.println(note);
            }
            if (outcome.result() != null) {
                MimeBundle bundle = outcome.result();
                resultText = String.valueOf(bundle.get(MimeBundle.TEXT));
                JsonObject executeResult = new JsonObject();
                executeResult.addProperty("execution_count", count);
                executeResult.add("data", NotebookOutput.data(bundle));
                executeResult.add("metadata", NotebookOutput.metadata(bundle));
                connection.publish(request.child("execute_result", executeResult));
            }
            content = ok();
            content.addProperty("execution_count", count);
            content.add("user_expressions", new JsonObject());
            content.add("payload", new JsonArray());
        } catch (CellException e) {
            content = error(e.name(), e.value(), e.traceback());
            connection.publish(request.child("error", error(e.name(), e.value(), e.traceback())));
            content.addProperty("execution_count", count);
        } catch (Exception e) {
            LOG.severe("kernel failure while executing: " + e);
            content = error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()),
                    List.of("the kernel failed to run this cell: " + e));
            connection.publish(request.child("error", content));
            content.addProperty("execution_count", count);
        } finally {
            runningCell = 0;
            output.flush();
        }
        if (storeHistory) {
            history.add(count, code, resultText);
        }
        reply.send(request.child("execute_reply", content));
        idle(request);
    }

    /** What a cell left to show: its drawn result, if any, and notes for the user. */
    private record Outcome(MimeBundle result, List<String> notes) {
    }

    /**
     * Evaluates a cell and draws its result, both on the cell thread: drawing may run a job. A
     * result with a live rendering (the rows of a streaming query) is shown and redrawn in place
     * until its data ends: that output is the result, so there is no execute_result.
     */
    private Outcome run(String code, int count, boolean silent) throws CellException {
        try {
            evaluator.beginCell();
            CellResult result = runParts(code, count);
            // display(x) already showed x; the handle it returns is for updates, not for showing.
            if (!result.hasValue() || silent || result.value() instanceof DisplayHandle) {
                return new Outcome(null, result.notes());
            }
            try {
                Optional<LiveValue> live = renderers.live(result.value());
                if (live.isPresent()) {
                    Display.display(live.get());
                    return new Outcome(null, result.notes());
                }
                return new Outcome(renderers.render(result.value()), result.notes());
            } catch (RuntimeException | LinkageError e) {
                throw evaluator.describe(e);
            }
        } finally {
            // The progress lines of this cell's jobs that ended show their final state before the reply.
            if (engine != null) {
                engine.showFinalProgress();
            }
        }
    }

    /**
     * Runs a cell's parts in order, Java and magics; the last part's value is the cell's. A cell
     * without magics goes to JShell whole.
     */
    private CellResult runParts(String code, int count) throws CellException {
        List<CellParts.Part> parts = CellParts.split(code);
        if (!CellParts.hasMagic(parts)) {
            return evaluator.evaluatePart(code, count);
        }
        List<String> notes = new ArrayList<>();
        CellResult last = new CellResult(false, null, notes);
        for (CellParts.Part part : parts) {
            if (part instanceof CellParts.Java java) {
                CellResult result = evaluator.evaluatePart(java.code(), count);
                notes.addAll(result.notes());
                last = new CellResult(result.hasValue(), result.value(), notes);
            } else if (part instanceof CellParts.Magic magic) {
                Object value = runMagic(magic.call(), count);
                last = new CellResult(value != null, value, notes);
            }
        }
        return last;
    }

    private Object runMagic(MagicCall call, int count) throws CellException {
        if (evaluator.wasInterrupted()) {
            throw evaluator.interruption();
        }
        String where = call.display() + " (cell line " + call.line() + ")";
        try {
            Object value = magics().run(session(count), call);
            if (evaluator.wasInterrupted()) {
                throw evaluator.interruption();
            }
            return value;
        } catch (CellException e) {
            throw e;
        } catch (KernelSession.CellFailure e) {
            throw e.cell;
        } catch (UsageException e) {
            List<String> lines = new ArrayList<>();
            lines.add(RED + "UsageError" + RESET + " in " + where + ": " + e.getMessage());
            lines.add("");
            e.usage().lines().forEach(lines::add);
            throw new CellException("UsageError", e.getMessage(), lines);
        } catch (MagicException e) {
            // A magic whose job the interrupt cancelled fails with "job cancelled": the cause is the interrupt.
            if (evaluator.wasInterrupted()) {
                throw evaluator.interruption();
            }
            throw new CellException("MagicError", e.getMessage(),
                    List.of(RED + "Error" + RESET + " in " + where + ": " + e.getMessage()));
        } catch (Exception | LinkageError e) {
            if (evaluator.wasInterrupted()) {
                throw evaluator.interruption();
            }
            CellException described = evaluator.describe(e);
            List<String> lines = new ArrayList<>();
            lines.add(RED + "Error" + RESET + " in " + where + ":");
            lines.addAll(described.traceback());
            throw new CellException(described.name(), described.value(), lines);
        }
    }

    private KernelSession session(int count) {
        return new KernelSession(() -> engine, evaluator, code -> {
            CellResult result = runParts(code, count);
            return result.hasValue() ? result.value() : null;
        }, () -> magics = null);
    }

    private Magics magics() {
        Magics known = magics;
        if (known == null) {
            known = Magics.load();
            magics = known;
        }
        return known;
    }

    /** Answers {@code ?name}: the inspection of the name, in the front end's pager. */
    private JsonObject help(String name, int count) {
        JsonObject content = ok();
        content.addProperty("execution_count", count);
        content.add("user_expressions", new JsonObject());
        JsonArray payload = new JsonArray();
        Optional<CodeInspector.Inspection> found;
        try {
            found = cellThread.call(() -> inspector.inspect(name, name.length()));
        } catch (Exception e) {
            found = Optional.empty();
        }
        JsonObject page = new JsonObject();
        page.addProperty("source", "page");
        JsonObject data = new JsonObject();
        data.addProperty(MimeBundle.TEXT, found.map(CodeInspector.Inspection::text)
                .orElse("No documentation found for " + name));
        page.add("data", data);
        page.addProperty("start", 0);
        payload.add(page);
        content.add("payload", payload);
        return content;
    }

    private void complete(Message request, Channel reply) throws Exception {
        busy(request);
        String code = request.content().get("code").getAsString();
        int cursor = request.content().get("cursor_pos").getAsInt();
        CodeCompleter.Completions completions = cellThread.call(() -> magicCompletions(code, cursor)
                .orElseGet(() -> completer.complete(code, cursor)));
        JsonObject content = ok();
        JsonArray matches = new JsonArray();
        completions.matches().forEach(matches::add);
        content.add("matches", matches);
        content.addProperty("cursor_start", completions.start());
        content.addProperty("cursor_end", completions.end());
        content.add("metadata", new JsonObject());
        reply.send(request.child("complete_reply", content));
        idle(request);
    }

    /** Completes a magic's name or option when the cursor's line is a magic's. */
    private Optional<CodeCompleter.Completions> magicCompletions(String code, int cursor) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        int lineStart = code.lastIndexOf('\n', at - 1) + 1;
        String before = code.substring(lineStart, at);
        if (!before.stripLeading().startsWith("%")) {
            return Optional.empty();
        }
        if (before.stripLeading().startsWith("%%") && !code.substring(0, lineStart).isBlank()) {
            // A cell magic stands only on a cell's first line.
            return Optional.of(new CodeCompleter.Completions(List.of(), at, at));
        }
        MagicCompletions found = magics().complete(before);
        return Optional.of(new CodeCompleter.Completions(found.matches(), lineStart + found.start(), at));
    }

    /** The usage of the magic on the cursor's line, if that line is a magic's. */
    private Optional<CodeInspector.Inspection> magicUsage(String code, int cursor) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        int lineStart = code.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = code.indexOf('\n', at);
        String line = code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd);
        for (CellParts.Part part : CellParts.split(line)) {
            if (part instanceof CellParts.Magic magic && magics().has(magic.call().name(), magic.call().cell())) {
                return Optional.of(new CodeInspector.Inspection(magics().usage(magic.call().name(), magic.call().cell())));
            }
        }
        return Optional.empty();
    }

    private void inspect(Message request, Channel reply) throws Exception {
        busy(request);
        String code = request.content().get("code").getAsString();
        int cursor = request.content().get("cursor_pos").getAsInt();
        Optional<CodeInspector.Inspection> found = cellThread.call(() -> magicUsage(code, cursor)
                .or(() -> inspector.inspect(code, cursor)));
        JsonObject content = ok();
        content.addProperty("found", found.isPresent());
        JsonObject data = new JsonObject();
        found.ifPresent(inspection -> data.addProperty(MimeBundle.TEXT, inspection.text()));
        content.add("data", data);
        content.add("metadata", new JsonObject());
        reply.send(request.child("inspect_reply", content));
        idle(request);
    }

    private void isComplete(Message request, Channel reply) throws Exception {
        busy(request);
        String code = request.content().get("code").getAsString();
        Completeness.Status status = cellThread.call(() -> completenessOf(code));
        JsonObject content = new JsonObject();
        content.addProperty("status", status.name().toLowerCase(java.util.Locale.ROOT));
        if (status == Completeness.Status.INCOMPLETE) {
            content.addProperty("indent", "    ");
        }
        reply.send(request.child("is_complete_reply", content));
        idle(request);
    }

    /**
     * A cell magic owns its cell: complete. Otherwise the Java between line magics decides: an
     * invalid part, or an unfinished one before a magic, makes the cell invalid; an unfinished last
     * part makes it incomplete.
     */
    private Completeness.Status completenessOf(String code) {
        List<CellParts.Part> parts = CellParts.split(code);
        if (!CellParts.hasMagic(parts)) {
            return completeness.of(code);
        }
        Completeness.Status status = Completeness.Status.COMPLETE;
        for (CellParts.Part part : parts) {
            if (status == Completeness.Status.INCOMPLETE) {
                return Completeness.Status.INVALID;  // unfinished Java cut short by a magic line
            }
            if (part instanceof CellParts.Java java) {
                status = completeness.of(java.code());
                if (status == Completeness.Status.INVALID) {
                    return status;
                }
            }
        }
        return status;
    }

    private void history(Message request, Channel reply) {
        busy(request);
        JsonObject in = request.content();
        boolean withOutput = in.has("output") && in.get("output").getAsBoolean();
        String access = in.has("hist_access_type") ? in.get("hist_access_type").getAsString() : "tail";
        int n = in.has("n") && !in.get("n").isJsonNull() ? in.get("n").getAsInt() : 10;
        List<History.Entry> entries = switch (access) {
            case "range" -> history.range(intOr(in, "session", 0), intOr(in, "start", 0), intOr(in, "stop", 0));
            case "search" -> history.search(in.has("pattern") ? in.get("pattern").getAsString() : "*", n,
                    in.has("unique") && in.get("unique").getAsBoolean());
            default -> history.tail(n);
        };
        JsonObject content = ok();
        content.add("history", History.toJson(entries, withOutput));
        reply.send(request.child("history_reply", content));
        idle(request);
    }

    private void commInfo(Message request, Channel reply) {
        busy(request);
        JsonObject content = ok();
        content.add("comms", new JsonObject());
        reply.send(request.child("comm_info_reply", content));
        idle(request);
    }

    private void interruptRequest(Message request, Channel reply) {
        interrupt();
        reply.send(request.child("interrupt_reply", ok()));
    }

    private void shutdown(Message request, Channel reply) {
        boolean restart = request.content().has("restart") && request.content().get("restart").getAsBoolean();
        interrupter.interrupt();
        JsonObject content = ok();
        content.addProperty("restart", restart);
        reply.send(request.child("shutdown_reply", content));
        connection.publish(request.child("status", status("dead")));
        connection.close();
    }

    /**
     * A handler that always answers: when it fails, the client gets an error reply and the
     * kernel goes back to idle, instead of a client waiting forever for a reply to a request.
     */
    private MessageHandler answered(String replyType, MessageHandler handler) {
        return (request, reply) -> {
            try {
                handler.handle(request, reply);
            } catch (Exception e) {
                LOG.warning(request.type() + " failed: " + e);
                reply.send(request.child(replyType, error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()),
                        List.of(String.valueOf(e)))));
                idle(request);
            }
        };
    }

    private void busy(Message request) {
        connection.publish(request.child("status", status("busy")));
    }

    private void idle(Message request) {
        connection.publish(request.child("status", status("idle")));
    }

    private static JsonObject status(String state) {
        JsonObject content = new JsonObject();
        content.addProperty("execution_state", state);
        return content;
    }

    private static JsonObject ok() {
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        return content;
    }

    private static JsonObject error(String name, String value, List<String> traceback) {
        JsonObject content = new JsonObject();
        content.addProperty("status", "error");
        content.addProperty("ename", name);
        content.addProperty("evalue", value);
        JsonArray lines = new JsonArray();
        traceback.forEach(lines::add);
        content.add("traceback", lines);
        return content;
    }

    private static JsonObject link(String text, String url) {
        JsonObject link = new JsonObject();
        link.addProperty("text", text);
        link.addProperty("url", url);
        return link;
    }

    private static int intOr(JsonObject o, String name, int fallback) {
        return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsInt() : fallback;
    }

    @Override
    public void close() {
        output.close();
        cellThread.close();
        if (evaluator != null) {
            evaluator.close();
        }
        if (engine != null) {
            engine.close();
        }
    }
}
