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
        return ClassScores.softmax(scores(x));
    }

    /** The label of the highest score (the lowest label on a tie). */
    double predict(double[] x) {
        return labels[ClassScores.best(scores(x))];
    }

    /** The coefficients of class {@code a} (zeros for the first). */
    double[] coefficients(int a) {
        return a == 0 ? new double[dim] : java.util.Arrays.copyOfRange(theta, (a - 1) * (dim + 1), a * (dim + 1) - 1);
    }

    /** The intercept of class {@code a} (0 for the first). */
    double intercept(int a) {
        return a == 0 ? 0 : theta[a * (dim + 1) - 1];
    }
}
