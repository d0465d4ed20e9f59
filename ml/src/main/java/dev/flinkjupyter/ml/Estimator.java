package dev.flinkjupyter.ml;

import org.apache.flink.table.api.Table;

/**
 * Learns a {@link Model} from tables. Training runs where the data is: as bounded Flink jobs on
 * the environment of the input table, never by collecting the rows into this JVM (see the
 * package documentation for how a pass over the data works).
 *
 * @param <E> the implementing class
 * @param <M> the model it makes
 */
public interface Estimator<E extends Estimator<E, M>, M extends Model<M>> extends Stage<E> {
    /**
     * Trains a model on the inputs (usually one table), which come from a
     * {@code StreamTableEnvironment} in batch mode or any bounded table of one.
     */
    M fit(Table... inputs);
}
