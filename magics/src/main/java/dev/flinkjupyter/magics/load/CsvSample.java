package dev.flinkjupyter.magics.load;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.MappingIterator;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The first records of a CSV file, as text cells (null for an empty unquoted cell), read with the
 * same parser and rules as the job that later reads the whole file.
 */
public final class CsvSample {

    /** How many records the schema is inferred from. */
    public static final int DEFAULT_RECORDS = 10_000;

    private CsvSample() {}

    /**
     * Reads up to {@code maxRecords} records of {@code file}, header line included.
     *
     * @throws IllegalArgumentException if the parser fails, naming the file and line
     */
    public static List<List<String>> read(Path file, CsvDialect dialect, int maxRecords) throws IOException {
        CsvSchema schema = dialect.withHeader(false).apply(CsvSchema.emptySchema());
        List<List<String>> records = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<List<String>> it = dialect.mapper()
                        .readerForListOf(String.class)
                        .with(CsvParser.Feature.WRAP_AS_ARRAY)
                        .with(schema)
                        .readValues(reader)) {
            while (records.size() < maxRecords) {
                long line = it.getParser().currentLocation().getLineNr();
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    line = it.getParser().currentLocation().getLineNr();
                    records.add(Collections.unmodifiableList(it.nextValue()));
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException(
                            "Cannot read " + file + ", line " + line + " as CSV: " + firstLine(e.getMessage()), e);
                }
            }
        }
        return records;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
