package dev.flinkjupyter.magics.load;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.apache.flink.formats.common.TimeFormats;
import org.apache.flink.table.types.logical.LogicalType;

/**
 * The column types {@code %load} infers from a sample, each accepting exactly the text that
 * Flink's CSV and JSON readers turn into that type, so a column inferred from the sample reads
 * without error in the job.
 */
public enum ColumnType {
    BIGINT("BIGINT"),
    DOUBLE("DOUBLE"),
    BOOLEAN("BOOLEAN"),
    DATE("DATE"),
    TIMESTAMP("TIMESTAMP(3)"),
    STRING("STRING");

    private final String sql;

    ColumnType(String sql) {
        this.sql = sql;
    }

    /** The type as written in Flink SQL DDL. */
    public String sql() {
        return sql;
    }

    /** Whether this type reads {@code text} (not null, not empty). */
    public boolean accepts(String text) {
        String value = text.strip(); // Flink trims numbers and booleans, not dates
        switch (this) {
            case BIGINT:
                return isLong(value);
            case DOUBLE:
                return isDouble(value);
            case BOOLEAN:
                // Flink reads any other word as false: only the two words make a boolean column.
                return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
            case DATE:
                return parses(() -> LocalDate.parse(text));
            case TIMESTAMP:
                // The very format Flink's CSV and JSON readers parse: seconds required, fraction optional.
                return parses(() -> LocalDateTime.parse(text, TimeFormats.SQL_TIMESTAMP_FORMAT));
            default:
                return true;
        }
    }

    /** The narrowest type that reads {@code text}. */
    public static ColumnType of(String text) {
        for (ColumnType type : values()) {
            if (type.accepts(text)) {
                return type;
            }
        }
        return STRING;
    }

    /** The narrowest type that reads the values of both types. */
    public ColumnType widen(ColumnType other) {
        if (this == other) {
            return this;
        }
        if ((this == BIGINT && other == DOUBLE) || (this == DOUBLE && other == BIGINT)) {
            return DOUBLE;
        }
        return STRING;
    }

    /** The inferred type that a declared Flink type reads like (for header detection under {@code --schema}). */
    public static ColumnType like(LogicalType type) {
        switch (type.getTypeRoot()) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return BIGINT;
            case FLOAT:
            case DOUBLE:
            case DECIMAL:
                return DOUBLE;
            case BOOLEAN:
                return BOOLEAN;
            case DATE:
                return DATE;
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return TIMESTAMP;
            default:
                return STRING;
        }
    }

    private static boolean isLong(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDouble(String value) {
        // Java also reads "1d", "0x1p3" and "Infinity"; a column of those is text to a reader.
        if (value.isEmpty() || !value.chars().allMatch(c -> Character.isDigit(c) || "+-.eE".indexOf(c) >= 0)) {
            return false;
        }
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
