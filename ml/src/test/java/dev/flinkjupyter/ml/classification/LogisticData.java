package dev.flinkjupyter.ml.classification;

import java.util.Random;

/** Seeded rows drawn from a known softmax model, so the best possible (Bayes) accuracy is known. */
final class LogisticData {
    final double[][] x;
    final double[] y;
    /** The true per-class scores' coefficients: row a is class a (row 0 all zero); intercept last. */
    final double[][] truth;

    LogisticData(double[][] truth, int n, long seed) {
        this.truth = truth;
        int dim = truth[0].length - 1;
        Random random = new Random(seed);
        x = new double[n][dim];
        y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                x[i][j] = random.nextGaussian();
            }
            double[] p = probabilities(truth, x[i]);
            double u = random.nextDouble();
            int c = 0;
            double cumulative = p[0];
            while (u > cumulative && c < p.length - 1) {
                cumulative += p[++c];
            }
            y[i] = c;
        }
    }

    static double[] probabilities(double[][] truth, double[] x) {
        double[] z = new double[truth.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < truth.length; a++) {
            z[a] = truth[a][x.length];
            for (int j = 0; j < x.length; j++) {
                z[a] += truth[a][j] * x[j];
            }
            max = Math.max(max, z[a]);
        }
        double sum = 0;
        for (int a = 0; a < z.length; a++) {
            z[a] = Math.exp(z[a] - max);
            sum += z[a];
        }
        for (int a = 0; a < z.length; a++) {
            z[a] /= sum;
        }
        return z;
    }

    /** The accuracy of the true model on these rows: the Bayes accuracy, up to sampling. */
    double bayesAccuracy() {
        int right = 0;
        for (int i = 0; i < x.length; i++) {
            double[] p = probabilities(truth, x[i]);
            int best = 0;
            for (int a = 1; a < p.length; a++) {
                if (p[a] > p[best]) {
                    best = a;
                }
            }
            right += best == y[i] ? 1 : 0;
        }
        return right / (double) x.length;
    }

    int[] intLabels() {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (int) y[i];
        }
        return out;
    }
}
