package dev.flinkjupyter.ml.classification;

/** What a classifier does with one score per class: the probabilities (softmax) and the best class. */
final class ClassScores {
    private ClassScores() {
    }

    /** The softmax of the scores, computed in place (and returned); the largest is subtracted first, so none overflows. */
    static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < scores.length; c++) {
            scores[c] = Math.exp(scores[c] - max);
            sum += scores[c];
        }
        for (int c = 0; c < scores.length; c++) {
            scores[c] /= sum;
        }
        return scores;
    }

    /** The index of the highest score; the lowest index on a tie. */
    static int best(double[] scores) {
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return best;
    }
}
