package dev.flinkjupyter.ml.testing;

import java.util.SplittableRandom;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.types.Row;

/**
 * Rows of a stationary logistic model, a function of the row's number (so any part of an endless
 * sequence can be made anywhere): features standard normal, label 1 with probability
 * {@code sigmoid(w.x + b)}. Rows are {@code (Double[] features, Double label)}.
 */
public final class LogisticStream implements MapFunction<Long, Row> {
    public static final double[] WEIGHTS = {1.5, -2.0, 0.8, 0.0, 0.5};
    public static final double INTERCEPT = -0.3;

    private final long seed;

    public LogisticStream(long seed) {
        this.seed = seed;
    }

    @Override
    public Row map(Long number) {
        return row(seed, number);
    }

    /** Features and label of row {@code number}. */
    public static Row row(long seed, long number) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + number);
        Double[] x = new Double[WEIGHTS.length];
        double margin = INTERCEPT;
        for (int j = 0; j < x.length; j++) {
            x[j] = random.nextDouble() * 2 - 1 + random.nextDouble() * 2 - 1;
            margin += WEIGHTS[j] * x[j];
        }
        double label = random.nextDouble() < 1 / (1 + Math.exp(-margin)) ? 1.0 : 0.0;
        return Row.of(x, label);
    }

    /** The features of a row as {@code double[]}. */
    public static double[] features(Row row) {
        Double[] x = (Double[]) row.getField(0);
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = x[j];
        }
        return out;
    }
}
