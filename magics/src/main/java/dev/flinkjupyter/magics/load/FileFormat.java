package dev.flinkjupyter.magics.load;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats {@code %load} reads. */
public enum FileFormat {
    CSV,
    JSON,
    PARQUET;

    /** {@code csv}, {@code json} or {@code parquet}, in any case. */
    public static FileFormat of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown format '" + name + "': expected csv, json or parquet");
        }
    }

    /** The format a file's extension says: .csv .tsv .txt, .json .jsonl .ndjson, .parquet. */
    public static Optional<FileFormat> fromExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSON);
        }
        if (name.endsWith(".parquet")) {
            return Optional.of(PARQUET);
        }
        return Optional.empty();
    }

    public String lowerCase() {
        return name().toLowerCase(Locale.ROOT);
    }
}
