package dev.flinkjupyter.magics.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.apache.flink.formats.common.TimeFormats;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.table.catalog.Column;

/**
 * Finds the line of a JSON-lines file that made a Flink job fail, by reading the files again with
 * the rules of Flink's {@code json} format, once the job has failed (Flink's error quotes the row
 * but not where it is). Never stricter than Flink: a value Flink reads is never reported.
 */
final class JsonErrorLocator {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonErrorLocator() {}

    /** {@code "Malformed row at FILE, line N: reason"} for the first line Flink cannot read; empty if none found. */
    static Optional<String> locate(List<Path> files, List<Column> columns) throws IOException {
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                for (long number = 1; (line = reader.readLine()) != null; number++) {
                    if (line.isBlank()) {
                        continue;
                    }
                    Optional<String> problem = problem(line, columns);
                    if (problem.isPresent()) {
                        return Optional.of("Malformed row at " + file + ", line " + number + ": " + problem.get());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(String line, List<Column> columns) {
        JsonNode row;
        try {
            row = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return Optional.of("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (!row.isObject()) {
            return Optional.of("not a JSON object");
        }
        for (Column column : columns) {
            JsonNode value = row.get(column.getName());
            if (value == null || value.isNull()) {
                if (!column.getDataType().getLogicalType().isNullable()) {
                    return Optional.of("no value for " + column.getName() + ", declared NOT NULL");
                }
                continue;
            }
            ColumnType type = ColumnType.like(column.getDataType().getLogicalType());
            if (!reads(type, value)) {
                return Optional.of("field " + column.getName() + " = " + value + " is not a " + type.sql());
            }
        }
        return Optional.empty();
    }

    /** Whether Flink's JSON converters read {@code value} as {@code type}. */
    private static boolean reads(ColumnType type, JsonNode value) {
        try {
            switch (type) {
                case BIGINT:
                    if (!value.canConvertToLong()) {
                        Long.parseLong(value.asText().trim());
                    }
                    return true;
                case DOUBLE:
                    if (!value.isNumber()) {
                        Double.parseDouble(value.asText().trim());
                    }
                    return true;
                case DATE:
                    LocalDate.parse(value.asText());
                    return true;
                case TIMESTAMP:
                    LocalDateTime.parse(value.asText(), TimeFormats.SQL_TIMESTAMP_FORMAT);
                    return true;
                default:
                    return true; // booleans and strings read anything
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }
}
