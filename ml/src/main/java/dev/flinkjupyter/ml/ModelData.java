package dev.flinkjupyter.ml;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A model's learned values as {@code model-data.json} in its saved directory: a record (or class)
 * of numbers, strings, arrays and lists, written and read with gson. Doubles keep every bit
 * (NaN and infinities included).
 */
public final class ModelData {
    /** The file name inside a saved stage's directory. */
    public static final String FILE = "model-data.json";

    static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting().create();

    private ModelData() {
    }

    /** Writes {@code data} to {@code dir/model-data.json}. */
    public static void write(Path dir, Object data) throws IOException {
        Files.writeString(dir.resolve(FILE), GSON.toJson(data), StandardCharsets.UTF_8);
    }

    /** Reads {@code dir/model-data.json} as a {@code type}; the error names the file. */
    public static <D> D read(Path dir, Class<D> type) throws IOException {
        Path file = dir.resolve(FILE);
        try {
            D data = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), type);
            if (data == null) {
                throw new IOException(file + " is empty");
            }
            return data;
        } catch (NoSuchFileException e) {
            throw new IOException("no model data in " + dir + ": " + FILE + " is missing", e);
        } catch (JsonParseException e) {
            throw new IOException("cannot read " + file + " as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
