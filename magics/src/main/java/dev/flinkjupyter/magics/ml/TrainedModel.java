package dev.flinkjupyter.magics.ml;

import dev.flinkjupyter.ml.Model;
import dev.flinkjupyter.ml.Stage;
import org.apache.flink.table.api.Table;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * A model trained by {@code %train}: the learned model, and what it was trained on (the algorithm,
 * the feature columns in order, the label column). Displaying it shows its learned values with
 * the feature names; {@code %predict} and {@code %evaluate} take it by name.
 *
 * <pre>{@code
 * Table scored = churnModel.transform(tEnv.from("customers"));
 * churnModel.save("/tmp/churn");   // TrainedModel.load("/tmp/churn") in a later kernel
 * }</pre>
 */
public final class TrainedModel {
    private static final String ABOUT = "training.properties";

    private final Algorithm algorithm;
    private final List<String> features;
    private final String label;
    private final Model<?> model;

    TrainedModel(Algorithm algorithm, List<String> features, String label, Model<?> model) {
        this.algorithm = Objects.requireNonNull(algorithm);
        this.features = List.copyOf(features);
        this.label = label;
        this.model = Objects.requireNonNull(model);
    }

    /** The algorithm's name, as {@code %train} takes it. */
    public String algorithm() {
        return algorithm.id();
    }

    Algorithm algorithmKind() {
        return algorithm;
    }

    /** The feature columns, in the order of the model's vector. */
    public List<String> features() {
        return features;
    }

    /** The label column; empty for clustering. */
    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    /** The learned model itself, for its own methods (coefficients, centres, predict). */
    public Model<?> model() {
        return model;
    }

    /**
     * The table with the model's prediction columns added: the feature columns are read by name,
     * so any table that has them (with the same types) works. Computed by Flink when used.
     */
    public Table transform(Table table) {
        FeatureColumns.requireNumeric(table, "feature", features);
        return model.transform(FeatureColumns.withVector(table, features))[0];
    }

    /** Saves the model and what it was trained on to a directory that {@link #load} reads back. */
    public void save(String directory) throws IOException {
        Path dir = Path.of(directory);
        Files.createDirectories(dir);
        model.save(dir.resolve("model").toString());
        Properties about = new Properties();
        about.setProperty("algorithm", algorithm.id());
        about.setProperty("features", String.join(",", features));
        if (label != null) {
            about.setProperty("label", label);
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve(ABOUT), StandardCharsets.UTF_8)) {
            about.store(out, "trained by flink-jupyter's %train");
        }
    }

    /** Loads a model saved by {@link #save}. */
    public static TrainedModel load(String directory) throws IOException {
        Path dir = Path.of(directory);
        Properties about = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(ABOUT), StandardCharsets.UTF_8)) {
            about.load(in);
        }
        Model<?> model = Stage.load(dir.resolve("model").toString());
        return new TrainedModel(Algorithm.named(about.getProperty("algorithm")),
                Arrays.asList(about.getProperty("features").split(",")), about.getProperty("label"), model);
    }

    @Override
    public String toString() {
        return "TrainedModel[" + algorithm.id() + (label == null ? "" : ", label " + label)
                + ", features " + String.join(", ", features) + "]";
    }
}
