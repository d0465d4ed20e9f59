package dev.flinkjupyter.ml;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model whose learned values are one record of type {@code D}, saved as {@link ModelData}
 * ({@code model-data.json}) beside the parameters and read back by {@link Stage#load}. An empty
 * model (made to be loaded into) fails every use of its values with an error that says how to get one.
 *
 * @param <M> the implementing class
 * @param <D> the record of learned values, as saved
 */
public abstract class DataModel<M extends DataModel<M, D>, D> implements Model<M> {
    private final ParamMap params = new ParamMap(getClass());
    private final Class<D> dataType;
    private final String howToGetOne;
    private D data;

    /**
     * @param dataType the class of the learned values, to read them back
     * @param howToGetOne the end of the error that an empty model gives: {@code fit a KMeans or load a saved model}
     * @param data the learned values; null for an empty model
     */
    protected DataModel(Class<D> dataType, String howToGetOne, D data) {
        this.dataType = dataType;
        this.howToGetOne = howToGetOne;
        this.data = data;
    }

    @Override
    public final ParamMap getParamMap() {
        return params;
    }

    /** The learned values; fails when the model is empty. */
    protected final D data() {
        if (data == null) {
            throw new IllegalStateException("this " + getClass().getSimpleName() + " is empty: " + howToGetOne);
        }
        return data;
    }

    @Override
    public void saveState(Path dir) throws IOException {
        ModelData.write(dir, data());
    }

    @Override
    public void loadState(Path dir) throws IOException {
        D loaded = ModelData.read(dir, dataType);
        requireComplete(loaded, dir);
        data = loaded;
    }

    /** Fails, naming {@code dir}, when values read from it lack something the model needs. */
    protected abstract void requireComplete(D loaded, Path dir) throws IOException;

    /** What {@link #toString()} shows between the brackets of a model that is not empty. */
    protected abstract String describe(D data);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (data == null ? "empty" : describe(data)) + "]";
    }
}
