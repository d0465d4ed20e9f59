package dev.flinkjupyter.ml;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** Saving a stage to a directory and loading it back: {@code metadata.json} plus the stage's own files. */
final class StageIO {
    static final String METADATA = "metadata.json";
    static final int FORMAT_VERSION = 1;

    private StageIO() {
    }

    static void save(Stage<?> stage, Path dir) throws IOException {
        Files.createDirectories(dir);
        if (Files.exists(dir.resolve(METADATA))) {
            throw new IOException(dir + " already holds a saved stage; choose another directory or delete it");
        }
        JsonObject metadata = new JsonObject();
        metadata.addProperty("class", stage.getClass().getName());
        metadata.addProperty("formatVersion", FORMAT_VERSION);
        metadata.addProperty("savedAt", System.currentTimeMillis());
        JsonObject params = new JsonObject();
        for (Map.Entry<Param<?>, Object> entry : stage.getParamMap().values().entrySet()) {
            if (entry.getValue() != null) {
                params.addProperty(entry.getKey().name(), Param.format(entry.getValue()));
            }
        }
        metadata.add("params", params);
        stage.saveState(dir);
        Files.writeString(dir.resolve(METADATA), ModelData.GSON.toJson(metadata), StandardCharsets.UTF_8);
    }

    static Stage<?> load(Path dir) throws IOException {
        Path file = dir.resolve(METADATA);
        JsonObject metadata;
        try {
            metadata = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw new IOException(dir + " holds no saved stage: " + METADATA + " is missing", e);
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(file + " is not stage metadata: " + e.getMessage(), e);
        }
        if (!metadata.has("class") || !metadata.has("params")) {
            throw new IOException(file + " is not stage metadata: it lacks 'class' or 'params'");
        }
        int version = metadata.has("formatVersion") ? metadata.get("formatVersion").getAsInt() : 0;
        if (version != FORMAT_VERSION) {
            throw new IOException(file + " has format version " + version + "; this library reads " + FORMAT_VERSION);
        }
        String className = metadata.get("class").getAsString();
        Stage<?> stage;
        try {
            Class<?> type = Class.forName(className, true, loader());
            stage = (Stage<?>) type.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IOException(file + " names the class " + className + ", which is not on the class path", e);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException | ClassCastException e) {
            throw new IOException("cannot create a " + className + " to load " + dir
                    + ": a loadable stage needs a public no-argument constructor", e);
        }
        for (Map.Entry<String, com.google.gson.JsonElement> entry : metadata.getAsJsonObject("params").entrySet()) {
            try {
                stage.setParam(entry.getKey(), entry.getValue().getAsString());
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        stage.loadState(dir);
        return stage;
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : StageIO.class.getClassLoader();
    }
}
