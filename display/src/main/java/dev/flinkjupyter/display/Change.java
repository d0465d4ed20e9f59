package dev.flinkjupyter.display;

/**
 * What one row of a changelog does to a table: the four kinds of Flink's {@code RowKind}, with the
 * same short names ({@code +I}, {@code -U}, {@code +U}, {@code -D}).
 */
public enum Change {
    /** A new row. */
    INSERT("+I"),
    /** The old version of an updated row: it goes away, its new version follows. */
    UPDATE_BEFORE("-U"),
    /** The new version of an updated row. */
    UPDATE_AFTER("+U"),
    /** A row that goes away. */
    DELETE("-D");

    private final String shortName;

    Change(String shortName) {
        this.shortName = shortName;
    }

    /** {@code +I}, {@code -U}, {@code +U} or {@code -D}, as Flink prints them. */
    public String shortName() {
        return shortName;
    }

    /** Whether the row is added to the table (insert, update-after) rather than taken out. */
    public boolean adds() {
        return this == INSERT || this == UPDATE_AFTER;
    }
}
