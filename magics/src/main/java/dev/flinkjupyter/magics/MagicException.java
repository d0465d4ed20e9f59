package dev.flinkjupyter.magics;

/**
 * A user's mistake a magic reports: a missing file, an unknown table, a value out of range. The
 * kernel shows the message as the cell's error, with the magic's line, and keeps the session as it
 * was. The message says what was wrong and where.
 */
public class MagicException extends RuntimeException {

    public MagicException(String message) {
        super(message, null, false, false);
    }

    public MagicException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
