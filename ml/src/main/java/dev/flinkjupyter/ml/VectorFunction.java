package dev.flinkjupyter.ml;

import java.io.Serializable;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * A query function of a features vector, how a model applies what it learned to each row: a
 * null vector, or one with a null element, gives null; a vector of another size than the model's
 * fails, naming the column. {@link #toDouble} and {@link #toVector} wrap a model's own arithmetic;
 * a function of another result type extends this class and reads its argument with {@link #features}.
 */
public abstract class VectorFunction extends ScalarFunction {
    /** A number computed from a features vector; serializable, since Flink ships it to its tasks. */
    public interface Score extends ToDoubleFunction<double[]>, Serializable {
    }

    /** Numbers computed from a features vector; serializable, since Flink ships it to its tasks. */
    public interface Scores extends Function<double[], double[]>, Serializable {
    }

    private final int dim;
    private final String column;

    /**
     * @param dim the size of the vectors the model takes
     * @param column the features column, for errors
     */
    protected VectorFunction(int dim, String column) {
        this.dim = dim;
        this.column = column;
    }

    /** A {@code DOUBLE} column of {@code score}. */
    public static ToDouble toDouble(int dim, String column, Score score) {
        return new ToDouble(dim, column, score);
    }

    /** An {@code ARRAY<DOUBLE>} column of {@code scores}. */
    public static ToVector toVector(int dim, String column, Scores scores) {
        return new ToVector(dim, column, scores);
    }

    /** A vector cell as a {@code double[]}; null when it or an element is null; a wrong size fails. */
    protected final double[] features(Double[] cells) {
        if (cells == null) {
            return null;
        }
        if (cells.length != dim) {
            throw new IllegalArgumentException("column '" + column + "' holds a vector of " + cells.length
                    + " elements; the model has " + dim + " features");
        }
        double[] x = new double[dim];
        for (int j = 0; j < dim; j++) {
            if (cells[j] == null) {
                return null;
            }
            x[j] = cells[j];
        }
        return x;
    }

    /** A number per row. */
    public static final class ToDouble extends VectorFunction {
        private final Score score;

        private ToDouble(int dim, String column, Score score) {
            super(dim, column);
            this.score = score;
        }

        /** The score of one row's features; null for a null vector. */
        public Double eval(@DataTypeHint("ARRAY<DOUBLE>") Double[] features) {
            double[] x = features(features);
            return x == null ? null : score.applyAsDouble(x);
        }
    }

    /** A vector per row. */
    public static final class ToVector extends VectorFunction {
        private final Scores scores;

        private ToVector(int dim, String column, Scores scores) {
            super(dim, column);
            this.scores = scores;
        }

        /** The scores of one row's features; null for a null vector. */
        public @DataTypeHint("ARRAY<DOUBLE>") Double[] eval(@DataTypeHint("ARRAY<DOUBLE>") Double[] features) {
            double[] x = features(features);
            return x == null ? null : Vectors.boxed(scores.apply(x));
        }
    }
}
