package dev.flinkjupyter.ml.classification;

import dev.flinkjupyter.ml.Vectors;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * The query functions of the linear classifiers' {@code transform}: each captures the small
 * {@link LinearScores} and computes one output column per row. A null vector gives null.
 */
final class LinearScoreFunctions {
    private LinearScoreFunctions() {
    }

    /** What a scalar output column holds. */
    enum Output { PREDICTION, MARGIN, LAST_CLASS_PROBABILITY }

    /** A {@code DOUBLE} column: the predicted label, the margin (binary) or class 1's probability (binary). */
    public static final class Scalar extends ScalarFunction {
        private final LinearScores model;
        private final String column;
        private final Output output;

        Scalar(LinearScores model, String column, Output output) {
            this.model = model;
            this.column = column;
            this.output = output;
        }

        /** The value for one row's features. */
        public Double eval(@DataTypeHint("ARRAY<DOUBLE>") Double[] features) {
            double[] x = model.vector(features, column);
            if (x == null) {
                return null;
            }
            return switch (output) {
                case PREDICTION -> model.predict(x);
                case MARGIN -> model.scores(x)[1];
                case LAST_CLASS_PROBABILITY -> model.probabilities(x)[1];
            };
        }
    }

    /** An {@code ARRAY<DOUBLE>} column: a score or a probability per class. */
    public static final class PerClass extends ScalarFunction {
        private final LinearScores model;
        private final String column;
        private final boolean probabilities;

        PerClass(LinearScores model, String column, boolean probabilities) {
            this.model = model;
            this.column = column;
            this.probabilities = probabilities;
        }

        /** The values for one row's features, in the order of the class labels. */
        public @DataTypeHint("ARRAY<DOUBLE>") Double[] eval(@DataTypeHint("ARRAY<DOUBLE>") Double[] features) {
            double[] x = model.vector(features, column);
            if (x == null) {
                return null;
            }
            return Vectors.boxed(probabilities ? model.probabilities(x) : model.scores(x));
        }
    }
}
