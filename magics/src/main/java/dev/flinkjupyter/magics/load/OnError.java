package dev.flinkjupyter.magics.load;

import java.util.Locale;

/** What reading a file does with a record that the schema cannot read. */
public enum OnError {
    /** The job fails, naming the file and line of the record. */
    FAIL,
    /** The record is left out. */
    SKIP,
    /**
     * Every record, readable or not, becomes a row of nulls without being converted: counting these
     * rows counts the file's records, the way the other modes see them.
     */
    RECORDS;

    /** The value as written in a table option. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an option value, {@code fail}, {@code skip} or {@code records}, in any case. */
    public static OnError of(String value) {
        for (OnError mode : values()) {
            if (mode.optionValue().equalsIgnoreCase(value.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("on-error must be fail or skip, was '" + value + "'");
    }
}
