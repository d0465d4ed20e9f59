package dev.flinkjupyter.magics.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Infers the columns of a CSV file from its first records: each column's narrowest type that
 * reads every sampled value, nullable when an empty cell appears, and whether the first record is
 * a header.
 */
public final class CsvSchemaInference {

    private CsvSchemaInference() {}

    /**
     * @param records the sample, first record first (see {@link CsvSample})
     * @param header true or false when the user said so; empty to detect it
     * @throws IllegalArgumentException if the sample has no record
     */
    public static InferredSchema infer(List<List<String>> records, Optional<Boolean> header) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the file is empty: no record to infer a schema from");
        }
        List<String> first = records.get(0);
        int width = first.size();
        List<List<String>> body = records.subList(1, records.size());
        List<ColumnType> bodyTypes = types(body, width);
        boolean hasHeader = header.orElseGet(() -> looksLikeHeader(first, body, bodyTypes));
        List<List<String>> data = hasHeader ? body : records;
        List<ColumnType> types = hasHeader ? bodyTypes : types(data, width);

        List<InferredColumn> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < width; i++) {
            String name = hasHeader ? unique(nameOf(first.get(i), i), names) : unique("c" + (i + 1), names);
            columns.add(new InferredColumn(name, types.get(i), hasEmpty(data, i)));
        }
        return new InferredSchema(columns, hasHeader);
    }

    /**
     * A first record is a header when every cell is a non-empty text and, where the other records
     * have a type, none of its cells reads as that type ({@code "price"} over numbers). When every
     * column is text, it is a header if none of its cells appears again in its column.
     */
    public static boolean looksLikeHeader(List<String> first, List<List<String>> body, List<ColumnType> bodyTypes) {
        if (first.stream().anyMatch(cell -> cell == null || cell.isBlank())) {
            return false;
        }
        boolean typed = false;
        for (int i = 0; i < first.size() && i < bodyTypes.size(); i++) {
            ColumnType type = bodyTypes.get(i);
            if (type != ColumnType.STRING) {
                typed = true;
                if (type.accepts(first.get(i))) {
                    return false;
                }
            }
        }
        if (typed) {
            return true;
        }
        if (body.isEmpty()) {
            return false;
        }
        for (int i = 0; i < first.size(); i++) {
            String cell = first.get(i);
            int column = i;
            if (body.stream().anyMatch(r -> column < r.size() && cell.equals(r.get(column)))) {
                return false;
            }
        }
        return true;
    }

    /** Per column, the narrowest type reading every non-empty value; STRING for a column with none. */
    static List<ColumnType> types(List<List<String>> records, int width) {
        List<ColumnType> types = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            ColumnType type = null;
            for (List<String> record : records) {
                if (record.size() != width) {
                    continue; // a malformed record: the job will name its line
                }
                String cell = record.get(i);
                if (cell == null || cell.isEmpty()) {
                    continue;
                }
                if (type == null) {
                    type = ColumnType.of(cell);
                } else if (!type.accepts(cell)) {
                    type = type.widen(ColumnType.of(cell));
                }
            }
            types.add(type == null ? ColumnType.STRING : type);
        }
        return types;
    }

    private static boolean hasEmpty(List<List<String>> records, int column) {
        for (List<String> record : records) {
            if (record.size() > column && (record.get(column) == null || record.get(column).isEmpty())) {
                return true;
            }
        }
        return records.isEmpty();
    }

    private static String nameOf(String cell, int index) {
        String name = cell == null ? "" : cell.strip();
        return name.isEmpty() ? "c" + (index + 1) : name;
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate.toLowerCase(java.util.Locale.ROOT)); n++) {
            candidate = name + "_" + n;
        }
        return candidate;
    }
}
