package dev.flinkjupyter.ml.evaluation;

import java.io.Serializable;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.types.Row;

/**
 * One pass of the binary evaluator: for rows of (label, score, weight[, prediction]) it counts,
 * by weight, positives and negatives in fine bins of the score over a fixed range (the bounded
 * aggregate the ROC and PR curves come from), the confusion counts at the threshold, the log loss
 * and the range of the scores. Scores outside the range are counted in no bin; the evaluator then
 * runs a second pass over the range it saw.
 */
final class ScoreHistogram implements AggregateFunction<Row, ScoreHistogram.Counts, Void> {
    /** Probabilities this close to 0 or 1 are clipped for the log loss, so that it stays finite. */
    static final double LOG_LOSS_EPSILON = 1e-15;

    private final int bins;
    private final double lo;
    private final double hi;
    private final double threshold;
    private final String labelCol;
    private final String scoreCol;
    private final String predictionCol;

    ScoreHistogram(int bins, double lo, double hi, double threshold, String labelCol, String scoreCol,
            String predictionCol) {
        this.bins = bins;
        this.lo = lo;
        this.hi = hi;
        this.threshold = threshold;
        this.labelCol = labelCol;
        this.scoreCol = scoreCol;
        this.predictionCol = predictionCol;
    }

    /** The weights per bin, the confusion counts and the sums, of some rows. */
    static final class Counts implements Serializable {
        private static final long serialVersionUID = 1L;
        final double lo;
        final double hi;
        final double[] positives;
        final double[] negatives;
        double truePositives;
        double falsePositives;
        double trueNegatives;
        double falseNegatives;
        double logLoss;
        double weight;
        double minScore = Double.POSITIVE_INFINITY;
        double maxScore = Double.NEGATIVE_INFINITY;
        long rows;
        final Problem problem = new Problem();

        Counts(int bins, double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
            positives = new double[bins];
            negatives = new double[bins];
        }

        /** Whether every score fell in the range of the bins. */
        boolean inRange() {
            return rows == 0 || (minScore >= lo && maxScore <= hi);
        }

        /** The lower edge of a bin: the threshold a curve point at that bin stands for. */
        double edge(int bin) {
            return lo + (hi - lo) * bin / positives.length;
        }
    }

    @Override
    public Counts createAccumulator() {
        return new Counts(bins, lo, hi);
    }

    @Override
    public Counts add(Row row, Counts acc) {
        acc.problem.guard(() -> count(row, acc));
        return acc;
    }

    private void count(Row row, Counts acc) {
        double label = PredictionRows.value(row, 0, labelCol);
        double score = PredictionRows.value(row, 1, scoreCol);
        double w = PredictionRows.value(row, 2, "weight");
        boolean positive;
        if (label == 1) {
            positive = true;
        } else if (label == 0) {
            positive = false;
        } else {
            throw new IllegalArgumentException("label column '" + labelCol + "' holds " + label
                    + "; a binary evaluator needs labels 0 and 1");
        }
        boolean predicted = predictionCol == null ? score >= threshold
                : PredictionRows.value(row, 3, predictionCol) == 1;
        if (positive) {
            if (predicted) {
                acc.truePositives += w;
            } else {
                acc.falseNegatives += w;
            }
        } else if (predicted) {
            acc.falsePositives += w;
        } else {
            acc.trueNegatives += w;
        }
        double p = Math.min(1 - LOG_LOSS_EPSILON, Math.max(LOG_LOSS_EPSILON, score));
        acc.logLoss -= w * (positive ? Math.log(p) : Math.log(1 - p));
        acc.weight += w;
        acc.rows++;
        acc.minScore = Math.min(acc.minScore, score);
        acc.maxScore = Math.max(acc.maxScore, score);
        if (score >= lo && score <= hi) {
            int bin = hi == lo ? 0 : (int) Math.min(bins - 1, Math.floor((score - lo) / (hi - lo) * bins));
            if (positive) {
                acc.positives[bin] += w;
            } else {
                acc.negatives[bin] += w;
            }
        }
    }

    @Override
    public Void getResult(Counts acc) {
        return null;
    }

    @Override
    public Counts merge(Counts a, Counts b) {
        for (int i = 0; i < a.positives.length; i++) {
            a.positives[i] += b.positives[i];
            a.negatives[i] += b.negatives[i];
        }
        a.truePositives += b.truePositives;
        a.falsePositives += b.falsePositives;
        a.trueNegatives += b.trueNegatives;
        a.falseNegatives += b.falseNegatives;
        a.logLoss += b.logLoss;
        a.weight += b.weight;
        a.rows += b.rows;
        a.minScore = Math.min(a.minScore, b.minScore);
        a.maxScore = Math.max(a.maxScore, b.maxScore);
        a.problem.merge(b.problem);
        return a;
    }
}
