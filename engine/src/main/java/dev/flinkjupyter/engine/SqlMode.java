package dev.flinkjupyter.engine;

import java.util.Locale;

/** How {@link SqlSession} chooses the runtime mode of a statement. */
public enum SqlMode {
    /** Batch when every source of the statement is bounded (final rows, fast), streaming otherwise. */
    AUTO,
    /** Always batch: an unbounded source is an error. */
    BATCH,
    /** Always streaming: results are a changelog, updated as rows arrive. */
    STREAMING;

    /** {@code auto}, {@code batch} or {@code streaming}, in any case. */
    public static SqlMode parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown SQL mode '" + name + "': expected auto, batch or streaming");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
