package dev.flinkjupyter.ml.classification;

import java.io.Serializable;

/**
 * The learned values of a linear classifier, and its arithmetic: {@code m} blocks of
 * {@code dim + 1} parameters (coefficients, then intercept), one per class after the first,
 * whose score is 0. Shared by logistic regression (m = K-1) and the linear SVM (m = 1).
 *
 * @param labels the class labels, ascending
 * @param dim the number of features
 * @param theta the parameters, block after block
 */
record LinearScores(double[] labels, int dim, double[] theta) implements Serializable {

    /** The score of every class (the first is 0). */
    double[] scores(double[] x) {
        int n = dim + 1;
        double[] z = new double[labels.length];
        for (int a = 1; a < labels.length; a++) {
            int o = (a - 1) * n;
            double s = theta[o + dim];
            for (int j = 0; j < dim; j++) {
                s += theta[o + j] * x[j];
            }
            z[a] = s;
        }
        return z;
    }

    /** The softmax of the scores. */
    double[] probabilities(double[] x) {
        double[] z = scores(x);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
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

    /** The label of the highest score (the lowest label on a tie). */
    double predict(double[] x) {
        double[] z = scores(x);
        int best = 0;
        for (int a = 1; a < z.length; a++) {
            if (z[a] > z[best]) {
                best = a;
            }
        }
        return labels[best];
    }

    /** The coefficients of class {@code a} (zeros for the first). */
    double[] coefficients(int a) {
        return a == 0 ? new double[dim] : java.util.Arrays.copyOfRange(theta, (a - 1) * (dim + 1), a * (dim + 1) - 1);
    }

    /** The intercept of class {@code a} (0 for the first). */
    double intercept(int a) {
        return a == 0 ? 0 : theta[a * (dim + 1) - 1];
    }

    /** A vector cell as a {@code double[]}, null when it or an element is null; a wrong size fails. */
    double[] vector(Double[] cells, String column) {
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

    /** Fails unless the point has {@code dim} features. */
    double[] checked(double[] x) {
        if (x.length != dim) {
            throw new IllegalArgumentException("the model has " + dim + " features, the point " + x.length);
        }
        return x;
    }
}
