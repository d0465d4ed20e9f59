package dev.flinkjupyter.kernel.jshell;

import jdk.jshell.EvalException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns an exception thrown by a cell into what a notebook user can act on: the exception and the
 * user's own frames (named by cell and line) first, the frames of Flink and the JDK folded into a
 * count. A failed Flink job is reported by its root cause, not by the chain of wrappers around it.
 * <p>It reads JShell's {@link EvalException}s, whose frames JShell has already mapped from its
 * generated wrapper classes back to snippets (file {@code #id}, line within the snippet).
 */
final class ExceptionReport {
    private static final String RED = "\u001b[0;31m";
    private static final String BOLD_RED = "\u001b[1;31m";
    private static final String GREEN = "\u001b[0;32m";
    private static final String RESET = "\u001b[0m";
    private static final String JOB_FAILURE = "org.apache.flink.runtime.client.JobExecutionException";
    /** JShell's wrapper-class prefix of a cell variable in messages: {@code REPL.$JShell$16.s}. */
    private static final Pattern WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]*[.$]");

    private final Function<String, SnippetOrigin> originOfFile;

    /** @param originOfFile where the snippet with that source file name ({@code #id}) came from, or null */
    ExceptionReport(Function<String, SnippetOrigin> originOfFile) {
        this.originOfFile = originOfFile;
    }

    CellException describe(Throwable thrown) {
        List<String> lines = new ArrayList<>();
        Throwable shown = thrown;
        if (isJobFailure(thrown)) {
            shown = rootCause(thrown);
            lines.add(BOLD_RED + "Flink job failed" + RESET + ", root cause:");
        }
        appendThrowable(lines, shown, "");
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(shown);
        for (Throwable cause = shown.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
            appendThrowable(lines, cause, "Caused by: ");
        }
        String name = className(shown);
        String value = shown.getMessage() != null ? readable(shown.getMessage()) : name;
        return new CellException(name.substring(name.lastIndexOf('.') + 1), value, lines);
    }

    private void appendThrowable(List<String> lines, Throwable t, String prefix) {
        lines.add(BOLD_RED + prefix + className(t) + RESET
                + (t.getMessage() != null ? ": " + readable(t.getMessage()) : ""));
        StackTraceElement[] frames = t.getStackTrace();
        int last = lastUserFrame(frames);
        int hidden = 0;
        for (int i = 0; i < frames.length; i++) {
            StackTraceElement frame = frames[i];
            SnippetOrigin origin = originOfFile.apply(frame.getFileName());
            if (origin != null) {
                if (hidden > 0) {
                    lines.add(folded(hidden));
                    hidden = 0;
                }
                lines.add("    at " + GREEN + userMethod(frame) + RESET + " (" + origin.describe(frame.getLineNumber()) + ")");
            } else if (last >= 0 && i > last) {
                break;  // below the cell's own code: JShell and kernel machinery
            } else if (last < 0 && i < 3) {
                lines.add("    at " + frame);  // no cell code on this stack: its top says most
            } else {
                hidden++;
            }
        }
        if (hidden > 0) {
            lines.add(folded(hidden));
        }
    }

    private static String folded(int count) {
        return RED + "    ... " + count + (count == 1 ? " frame" : " frames") + " of Flink and the JDK" + RESET;
    }

    private int lastUserFrame(StackTraceElement[] frames) {
        int last = -1;
        for (int i = 0; i < frames.length; i++) {
            if (originOfFile.apply(frames[i].getFileName()) != null) {
                last = i;
            }
        }
        return last;
    }

    /** {@code Times3.map}, {@code square}, or {@code <cell>} for the cell body itself. */
    private static String userMethod(StackTraceElement frame) {
        String method = frame.getMethodName();
        if (method.isEmpty() || method.startsWith("do_it$")) {
            return "<cell>";
        }
        if (method.startsWith("lambda$")) {
            method = "<lambda>";
        }
        String cls = frame.getClassName();
        String owner = cls.substring(Math.max(cls.lastIndexOf('.'), cls.lastIndexOf('$')) + 1);
        return owner.isEmpty() || cls.matches("REPL\\.\\$JShell\\$\\d+[A-Z]*") ? method : owner + "." + method;
    }

    static String className(Throwable t) {
        return t instanceof EvalException e ? e.getExceptionClassName() : t.getClass().getName();
    }

    /** Removes JShell's wrapper-class names, so {@code REPL.$JShell$16.s} reads {@code s}. */
    static String readable(String message) {
        return WRAPPER.matcher(message).replaceAll("");
    }

    static boolean isJobFailure(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            if (JOB_FAILURE.equals(className(c))) {
                return true;
            }
        }
        return false;
    }

    static Throwable rootCause(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable root = t;
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        return root;
    }
}
