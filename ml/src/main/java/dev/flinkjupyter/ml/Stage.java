package dev.flinkjupyter.ml;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A step of machine learning: an {@link Estimator}, a {@link Transformer} or a {@link Model}.
 * Every stage has typed parameters and saves to a directory that a later JVM loads back:
 *
 * <pre>{@code
 * model.save("/tmp/churn-model");
 * LogisticRegressionModel again = Stage.load("/tmp/churn-model");
 * }</pre>
 *
 * <p>The directory holds {@code metadata.json} (the class, the parameters as text) and whatever
 * {@link #saveState(Path)} writes: a model's learned values, a pipeline's stages. A stage class
 * that can be loaded has a public no-argument constructor.
 *
 * @param <S> the implementing class
 */
public interface Stage<S extends Stage<S>> extends WithParams<S> {

    /** Saves this stage to a directory, created if missing; fails if it holds a saved stage already. */
    default void save(String path) throws IOException {
        StageIO.save(this, Path.of(path));
    }

    /**
     * Writes what this stage has beyond its parameters into {@code dir} (learned values, nested
     * stages). Called by {@link #save(String)}; by default writes nothing.
     */
    default void saveState(Path dir) throws IOException {
    }

    /** Reads back what {@link #saveState(Path)} wrote; called by {@link #load(String)} after the parameters are set. */
    default void loadState(Path dir) throws IOException {
    }

    /** Loads a stage saved by {@link #save(String)}, of whatever class it was. */
    @SuppressWarnings("unchecked")
    static <S extends Stage<?>> S load(String path) throws IOException {
        return (S) StageIO.load(Path.of(path));
    }
}
