package dev.flinkjupyter.bench.ml;

import java.util.SplittableRandom;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.BasicArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.types.Row;

/**
 * The benchmark's data, a pure function of (kind, seed, row number): the same rows are made in
 * this JVM as arrays (for Smile and the plain loop) and inside Flink by a parallel generator (the
 * data "already in the engine"), and written to CSV.
 *
 * <ul>
 *   <li>{@code LOGISTIC}: 20 standard normal features, label 1 with probability sigmoid(w.x + b),
 *       w and b drawn once from the seed.</li>
 *   <li>{@code BLOBS}: 10 real clusters, centres uniform in [-5, 5]^20, unit normal noise.</li>
 * </ul>
 */
final class BenchData implements MapFunction<Long, Row> {
    enum Kind { LOGISTIC, BLOBS }

    static final int CLUSTERS = 10;
    static final RowTypeInfo ROWS = new RowTypeInfo(new TypeInformation<?>[] {
        BasicArrayTypeInfo.DOUBLE_ARRAY_TYPE_INFO, Types.DOUBLE}, new String[] {"features", "label"});

    private final Kind kind;
    private final long seed;
    private final int dim;
    private final double[] weights;
    private final double[][] centres;

    BenchData(Kind kind, long seed, int dim) {
        this.kind = kind;
        this.seed = seed;
        this.dim = dim;
        SplittableRandom model = new SplittableRandom(seed);
        weights = new double[dim + 1];
        for (int j = 0; j <= dim; j++) {
            weights[j] = model.nextDouble(-1, 1);
        }
        centres = new double[CLUSTERS][dim];
        for (double[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = model.nextDouble(-5, 5);
            }
        }
    }

    /** Row {@code i}: its features into {@code x}; returns its label (the cluster, for blobs). */
    double fill(long i, double[] x) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        if (kind == Kind.BLOBS) {
            int c = random.nextInt(CLUSTERS);
            for (int j = 0; j < dim; j++) {
                x[j] = centres[c][j] + gaussian(random);
            }
            return c;
        }
        double margin = weights[dim];
        for (int j = 0; j < dim; j++) {
            x[j] = gaussian(random);
            margin += weights[j] * x[j];
        }
        return random.nextDouble() < 1 / (1 + Math.exp(-margin)) ? 1 : 0;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) as arrays; labels into {@code labels}. */
    double[][] rows(long from, long to, double[] labels) {
        double[][] x = new double[(int) (to - from)][dim];
        for (long i = from; i < to; i++) {
            labels[(int) (i - from)] = fill(i, x[(int) (i - from)]);
        }
        return x;
    }

    /** The true model's accuracy on those rows (logistic only): the Bayes accuracy. */
    double trueAccuracy(double[][] x, double[] y) {
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            double margin = weights[dim];
            for (int j = 0; j < dim; j++) {
                margin += weights[j] * x[i][j];
            }
            correct += (margin >= 0 ? 1 : 0) == (int) y[i] ? 1 : 0;
        }
        return correct / (double) x.length;
    }

    @Override
    public Row map(Long i) {
        double[] x = new double[dim];
        double label = fill(i, x);
        Double[] boxed = new Double[dim];
        for (int j = 0; j < dim; j++) {
            boxed[j] = x[j];
        }
        return Row.of(boxed, label);
    }

    /** Box-Muller from the row's own generator (SplittableRandom has no nextGaussian on Java 17). */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
