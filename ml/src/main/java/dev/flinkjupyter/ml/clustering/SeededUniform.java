package dev.flinkjupyter.ml.clustering;

/**
 * A uniform number in [0, 1) for a row, from the seed, a salt (which draw this is) and the row's
 * values, not from the row's position. So the same rows give the same draws however Flink splits
 * them between subtasks: sampling is repeatable at any parallelism.
 */
final class SeededUniform {
    private SeededUniform() {
    }

    /** The draw for the {@code dim} values starting at {@code values[offset]}. */
    static double of(long seed, long salt, double[] values, int offset, int dim) {
        long h = mix(seed ^ mix(salt + 0x632BE59BD9B4E019L));
        for (int j = 0; j < dim; j++) {
            h = mix(h ^ Double.doubleToLongBits(values[offset + j] + 0.0)); // + 0.0 makes -0.0 equal 0.0
        }
        return (h >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finaliser: a bijection that spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
