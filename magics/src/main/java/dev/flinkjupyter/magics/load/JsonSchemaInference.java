package dev.flinkjupyter.magics.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Infers the columns of a JSON-lines file (one object per line, as Flink's {@code json} format
 * reads it) from its first lines: the top-level fields in order of first appearance, each with
 * the narrowest type of its values; nested objects and arrays become STRING (their JSON text).
 */
public final class JsonSchemaInference {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonSchemaInference() {}

    /**
     * @throws IllegalArgumentException if a sampled line is not a JSON object (naming file and line), or
     *     the sample has none
     */
    public static InferredSchema infer(Path file, int maxLines) throws IOException {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        int objects = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            for (int number = 1; objects < maxLines && (line = reader.readLine()) != null; number++) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = parse(line, file, number);
                objects++;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (field.getValue().isNull()) {
                        types.putIfAbsent(field.getKey(), null);
                        continue;
                    }
                    seen.merge(field.getKey(), 1, Integer::sum);
                    ColumnType type = typeOf(field.getValue());
                    types.merge(field.getKey(), type, ColumnType::widen);
                }
            }
        }
        if (objects == 0) {
            throw new IllegalArgumentException("the file is empty: no JSON object to infer a schema from");
        }
        List<InferredColumn> columns = new ArrayList<>();
        for (Map.Entry<String, ColumnType> entry : types.entrySet()) {
            ColumnType type = entry.getValue() == null ? ColumnType.STRING : entry.getValue();
            // A field missing from some objects, or null in some, reads as NULL there.
            boolean nullable = seen.getOrDefault(entry.getKey(), 0) < objects;
            columns.add(new InferredColumn(entry.getKey(), type, nullable));
        }
        return new InferredSchema(columns, false);
    }

    private static JsonNode parse(String line, Path file, int number) {
        try {
            JsonNode node = MAPPER.readTree(line);
            if (!node.isObject()) {
                throw new IllegalArgumentException(file + ", line " + number + ": not a JSON object: " + shorten(line));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    file + ", line " + number + ": not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ColumnType typeOf(JsonNode value) {
        if (value.isIntegralNumber()) {
            return ColumnType.BIGINT;
        }
        if (value.isNumber()) {
            return ColumnType.DOUBLE;
        }
        if (value.isBoolean()) {
            return ColumnType.BOOLEAN;
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (!text.isEmpty() && ColumnType.DATE.accepts(text)) {
                return ColumnType.DATE;
            }
            if (!text.isEmpty() && ColumnType.TIMESTAMP.accepts(text)) {
                return ColumnType.TIMESTAMP;
            }
        }
        return ColumnType.STRING;
    }

    private static String shorten(String line) {
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}
