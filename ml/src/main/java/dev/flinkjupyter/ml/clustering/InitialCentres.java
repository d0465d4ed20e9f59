package dev.flinkjupyter.ml.clustering;

import dev.flinkjupyter.ml.FeatureBlock;
import dev.flinkjupyter.ml.TrainingData;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Random;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Where k-means starts: k-means|| (Bahmani et al., 2012: a few passes each add a handful of rows
 * drawn with probability proportional to their squared distance from the centres so far, then the
 * weighted candidates are reduced to k with greedy k-means++ here) or exact k-means++ (one pass per centre).
 *
 * <p>Rows are drawn by an exponential race (key {@code -ln(u) / (w d²)}, the smallest keys win),
 * which draws in proportion to {@code w d²} without knowing the total; {@code u} comes from
 * {@link SeededUniform}, so the draws do not depend on how the rows are split between subtasks.
 */
final class InitialCentres {
    /** What the first pass learns: the row count and the row with the smallest draw, the first centre. */
    record Start(long rows, double weight, double[] first) {
    }

    private InitialCentres() {
    }

    /** Counts the rows and picks the first centre, in one pass. */
    static Start start(TrainingData data, long seed) {
        FirstRow.Acc acc = data.pass("k-means: count rows, first centre", new FirstRow(seed));
        return new Start(acc.rows, acc.weight, acc.best);
    }

    /**
     * k-means||: {@code steps} passes each add {@code 2k} rows drawn by squared distance, a pass
     * weighs the candidates by the rows nearest to them, and weighted k-means++ and Lloyd
     * iterations over the candidates (here, a few hundred points at most) give k centres.
     */
    static double[][] parallel(TrainingData data, double[] first, int k, int steps, long seed) {
        int dim = first.length;
        double[] candidates = first.clone();
        int m = 1;
        for (int step = 1; step <= steps; step++) {
            Draws draws = data.pass("k-means|| draw " + step + " of " + steps,
                    new DrawBySquaredDistance(candidates, m, dim, 2 * k, seed, step));
            draws.sort();
            if (draws.size == 0) {
                break; // every row sits on a candidate already
            }
            candidates = Arrays.copyOf(candidates, (m + draws.size) * dim);
            for (int i = 0; i < draws.size; i++) {
                System.arraycopy(draws.points[i], 0, candidates, (m + i) * dim, dim);
            }
            m += draws.size;
        }
        double[] weights = data.pass("k-means|| weigh " + m + " candidates", new NearestWeights(candidates, m, dim));
        return reduce(Centroids.unflatten(candidates, m, dim), weights, k, seed);
    }

    /** Exact k-means++: each of {@code k - 1} passes draws one row by its squared distance to the centres so far. */
    static double[][] plusPlus(TrainingData data, double[] first, int k, long seed) {
        int dim = first.length;
        double[] centres = Arrays.copyOf(first, k * dim);
        for (int c = 1; c < k; c++) {
            Draws draw = data.pass("k-means++ centre " + (c + 1) + " of " + k,
                    new DrawBySquaredDistance(centres, c, dim, 1, seed, c));
            if (draw.size == 0) {
                // Fewer distinct rows than k: repeat a centre; Lloyd iterations leave it empty.
                System.arraycopy(centres, 0, centres, c * dim, dim);
            } else {
                System.arraycopy(draw.points[0], 0, centres, c * dim, dim);
            }
        }
        return Centroids.unflatten(centres, k, dim);
    }

    /**
     * Weighted greedy k-means++ then Lloyd iterations over a small set of weighted points, in this
     * JVM; the best of a few restarts. Greedy: each step draws {@code 2 + ln k} points by weighted
     * squared distance and keeps the one that lowers the cost most, which rarely leaves a real
     * cluster without a centre (plain k-means++ over noisy candidates in many dimensions does).
     */
    static double[][] reduce(double[][] points, double[] weights, int k, long seed) {
        int m = points.length;
        int dim = points[0].length;
        if (m <= k) {
            double[][] centres = new double[k][];
            for (int c = 0; c < k; c++) {
                centres[c] = points[Math.min(c, m - 1)].clone();
            }
            return centres;
        }
        Random random = new Random(seed);
        double[] flat = Centroids.flatten(points);
        double[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int restart = 0; restart < 5; restart++) {
            double[] centres = greedyPlusPlus(flat, weights, m, dim, k, random);
            lloyd(flat, weights, m, dim, centres, k);
            double cost = 0;
            for (int i = 0; i < m; i++) {
                cost += weights[i] * Centroids.nearestSquaredDistance(flat, i * dim, centres, k, dim);
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = centres;
            }
        }
        return Centroids.unflatten(best, k, dim);
    }

    private static double[] greedyPlusPlus(double[] flat, double[] weights, int m, int dim, int k, Random random) {
        int trials = 2 + (int) Math.log(k);
        double[] centres = new double[k * dim];
        System.arraycopy(flat, pick(weights, random) * dim, centres, 0, dim);
        double[] d2 = new double[m];
        for (int i = 0; i < m; i++) {
            d2[i] = Centroids.squaredDistance(flat, i * dim, centres, 0, dim);
        }
        double[] score = new double[m];
        for (int c = 1; c < k; c++) {
            for (int i = 0; i < m; i++) {
                score[i] = weights[i] * d2[i];
            }
            int chosen = -1;
            double chosenCost = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                int candidate = pick(score, random);
                double cost = 0;
                for (int i = 0; i < m; i++) {
                    double d = 0;
                    for (int j = 0; j < dim; j++) {
                        double diff = flat[i * dim + j] - flat[candidate * dim + j];
                        d += diff * diff;
                    }
                    cost += weights[i] * Math.min(d2[i], d);
                }
                if (cost < chosenCost) {
                    chosenCost = cost;
                    chosen = candidate;
                }
            }
            System.arraycopy(flat, chosen * dim, centres, c * dim, dim);
            for (int i = 0; i < m; i++) {
                d2[i] = Math.min(d2[i], Centroids.squaredDistance(flat, i * dim, centres, c, dim));
            }
        }
        return centres;
    }

    private static void lloyd(double[] flat, double[] weights, int m, int dim, double[] centres, int k) {
        for (int iteration = 0; iteration < 30; iteration++) {
            double[] sums = new double[k * dim];
            double[] total = new double[k];
            for (int i = 0; i < m; i++) {
                int c = Centroids.nearest(flat, i * dim, centres, k, dim);
                total[c] += weights[i];
                for (int j = 0; j < dim; j++) {
                    sums[c * dim + j] += weights[i] * flat[i * dim + j];
                }
            }
            boolean moved = false;
            for (int c = 0; c < k; c++) {
                if (total[c] > 0) {
                    for (int j = 0; j < dim; j++) {
                        double mean = sums[c * dim + j] / total[c];
                        moved |= mean != centres[c * dim + j];
                        centres[c * dim + j] = mean;
                    }
                }
            }
            if (!moved) {
                return;
            }
        }
    }

    /** An index drawn with probability proportional to its score; uniform when all scores are 0. */
    private static int pick(double[] scores, Random random) {
        double total = 0;
        for (double s : scores) {
            total += s;
        }
        if (!(total > 0)) {
            return random.nextInt(scores.length);
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < scores.length; i++) {
            r -= scores[i];
            if (r < 0) {
                return i;
            }
        }
        return scores.length - 1;
    }

    /** Counts the rows and keeps the row with the smallest draw. */
    static final class FirstRow implements AggregateFunction<FeatureBlock, FirstRow.Acc, Object> {
        static final class Acc implements Serializable {
            long rows;
            int dim = -1;
            double weight;
            double bestDraw = Double.POSITIVE_INFINITY;
            double[] best;
        }

        private final long seed;

        FirstRow(long seed) {
            this.seed = seed;
        }

        @Override
        public Acc createAccumulator() {
            return new Acc();
        }

        @Override
        public Acc add(FeatureBlock block, Acc acc) {
            acc.dim = sameSize(acc.dim, block.dim);
            acc.rows += block.rows;
            for (int r = 0; r < block.rows; r++) {
                acc.weight += block.weights[r];
                double u = SeededUniform.of(seed, 0, block.features, r * block.dim, block.dim);
                if (u < acc.bestDraw) {
                    acc.bestDraw = u;
                    acc.best = Arrays.copyOfRange(block.features, r * block.dim, (r + 1) * block.dim);
                }
            }
            return acc;
        }

        @Override
        public Acc merge(Acc a, Acc b) {
            a.dim = sameSize(a.dim, b.dim);
            a.rows += b.rows;
            a.weight += b.weight;
            if (b.bestDraw < a.bestDraw) {
                a.bestDraw = b.bestDraw;
                a.best = b.best;
            }
            return a;
        }

        @Override
        public Object getResult(Acc acc) {
            return acc;
        }

        private static int sameSize(int seen, int dim) {
            if (seen >= 0 && dim >= 0 && seen != dim) {
                throw new IllegalArgumentException("the feature vectors have " + seen + " and " + dim
                        + " elements; all must have the same size");
            }
            return dim >= 0 ? dim : seen;
        }
    }

    /** The rows with the smallest keys {@code -ln(u) / (w d²)}, at most {@code size}. */
    static final class Draws implements Serializable {
        final double[] keys;
        final double[][] points;
        int size;

        Draws(int capacity) {
            keys = new double[capacity];
            points = new double[capacity][];
        }

        void offer(double key, double[] source, int offset, int dim) {
            int slot;
            if (size < keys.length) {
                slot = size++;
            } else {
                slot = largest();
                if (key >= keys[slot]) {
                    return;
                }
            }
            keys[slot] = key;
            points[slot] = Arrays.copyOfRange(source, offset, offset + dim);
        }

        /** Sorted by key, so that the candidates come in the same order at any parallelism. */
        void sort() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(keys[a], keys[b]));
            double[] k = new double[size];
            double[][] p = new double[size][];
            for (int i = 0; i < size; i++) {
                k[i] = keys[order[i]];
                p[i] = points[order[i]];
            }
            System.arraycopy(k, 0, keys, 0, size);
            System.arraycopy(p, 0, points, 0, size);
        }

        private int largest() {
            int at = 0;
            for (int i = 1; i < size; i++) {
                if (keys[i] > keys[at]) {
                    at = i;
                }
            }
            return at;
        }
    }

    /** Draws rows in proportion to their weight times their squared distance to the nearest centre. */
    static final class DrawBySquaredDistance implements AggregateFunction<FeatureBlock, Draws, Object> {
        private final double[] centres;
        private final int k;
        private final int dim;
        private final int size;
        private final long seed;
        private final long salt;

        DrawBySquaredDistance(double[] centres, int k, int dim, int size, long seed, long salt) {
            this.centres = centres;
            this.k = k;
            this.dim = dim;
            this.size = size;
            this.seed = seed;
            this.salt = salt;
        }

        @Override
        public Draws createAccumulator() {
            return new Draws(size);
        }

        @Override
        public Draws add(FeatureBlock block, Draws acc) {
            for (int r = 0; r < block.rows; r++) {
                int offset = r * block.dim;
                double score = block.weights[r]
                        * Centroids.nearestSquaredDistance(block.features, offset, centres, k, dim);
                if (score > 0) {
                    double u = SeededUniform.of(seed, salt, block.features, offset, block.dim);
                    acc.offer(-Math.log1p(-u) / score, block.features, offset, block.dim);
                }
            }
            return acc;
        }

        @Override
        public Draws merge(Draws a, Draws b) {
            for (int i = 0; i < b.size; i++) {
                a.offer(b.keys[i], b.points[i], 0, b.points[i].length);
            }
            a.sort();
            return a;
        }

        @Override
        public Object getResult(Draws acc) {
            return acc;
        }
    }

    /** The total weight of the rows nearest to each candidate. */
    static final class NearestWeights implements AggregateFunction<FeatureBlock, double[], Object> {
        private final double[] candidates;
        private final int m;
        private final int dim;

        NearestWeights(double[] candidates, int m, int dim) {
            this.candidates = candidates;
            this.m = m;
            this.dim = dim;
        }

        @Override
        public double[] createAccumulator() {
            return new double[m];
        }

        @Override
        public double[] add(FeatureBlock block, double[] acc) {
            for (int r = 0; r < block.rows; r++) {
                acc[Centroids.nearest(block.features, r * block.dim, candidates, m, dim)] += block.weights[r];
            }
            return acc;
        }

        @Override
        public double[] merge(double[] a, double[] b) {
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
            return a;
        }

        @Override
        public Object getResult(double[] acc) {
            return acc;
        }
    }
}
