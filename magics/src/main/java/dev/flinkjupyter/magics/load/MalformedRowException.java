package dev.flinkjupyter.magics.load;

import java.io.IOException;

/**
 * A CSV record that the declared schema cannot read, with where it is. Thrown inside Flink's
 * source task; it reaches the notebook through the failed job's cause chain, possibly as Flink's
 * serialized copy, so its message alone carries every fact (see {@link #location(Throwable)}).
 */
public final class MalformedRowException extends IOException {

    private static final String PREFIX = "Malformed row at ";

    private MalformedRowException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A record starting at {@code line} (1-based) that failed for {@code reason}; the file is named later. */
    static MalformedRowException atLine(long line, Throwable reason) {
        return new MalformedRowException(PREFIX + "line " + line + ": " + describe(reason), reason);
    }

    /** The same failure, now naming the file it was read from. */
    MalformedRowException inFile(String file) {
        String message = getMessage();
        String rest = message.startsWith(PREFIX) ? message.substring(PREFIX.length()) : message;
        return new MalformedRowException(PREFIX + file + ", " + rest, getCause());
    }

    /**
     * The message of the first malformed-row failure in a cause chain (for example a failed job's
     * exception), such as {@code "Malformed row at /data/x.csv, line 7: ..."}; null if none.
     */
    public static String location(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null) {
                int at = message.indexOf(PREFIX);
                if (at >= 0) {
                    return message.substring(at).lines().findFirst().orElse(message);
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The reason and, when it differs, its root cause ("... field: id. (For input string: "x")"). */
    private static String describe(Throwable reason) {
        Throwable root = reason;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = firstLine(reason);
        return root == reason ? message : message + " (" + firstLine(root) + ")";
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        // Jackson appends its own source location, which names a stream, not the file: drop it.
        int at = message.indexOf("\n at [Source");
        return (at >= 0 ? message.substring(0, at) : message).strip();
    }
}
