package dev.flinkjupyter.ml;

/**
 * A {@link Transformer} made by an {@link Estimator}: it holds learned values (small: coefficients,
 * vocabularies, centres), applies them with a map over the rows that Flink runs, and saves them with
 * {@link #saveState(java.nio.file.Path)} (usually through {@link ModelData}).
 *
 * @param <M> the implementing class
 */
public interface Model<M extends Model<M>> extends Transformer<M> {
    /**
     * How training went, one entry per pass or iteration; empty for a model that was loaded
     * without one or learned in closed form without iterations.
     */
    default TrainingHistory getTrainingHistory() {
        return TrainingHistory.EMPTY;
    }
}
