package dev.flinkjupyter.ml.evaluation;

import java.io.Serializable;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.types.Row;

/**
 * One pass of the regression evaluator over rows of (label, prediction, weight): the weighted
 * sums of the squared and absolute errors, and the weighted mean and sum of squared deviations of
 * the label and of the error, kept as means and deviations (Welford, merged by Chan's rule) so that
 * large labels lose no precision.
 */
final class ResidualMoments implements AggregateFunction<Row, ResidualMoments.Moments, Void> {
    private final String labelCol;
    private final String predictionCol;

    ResidualMoments(String labelCol, String predictionCol) {
        this.labelCol = labelCol;
        this.predictionCol = predictionCol;
    }

    /** The sums of some rows. */
    static final class Moments implements Serializable {
        private static final long serialVersionUID = 1L;
        double weight;
        long rows;
        double squaredError;
        double absoluteError;
        double labelMean;
        double labelDeviation;
        double errorMean;
        double errorDeviation;
        final Problem problem = new Problem();
    }

    @Override
    public Moments createAccumulator() {
        return new Moments();
    }

    @Override
    public Moments add(Row row, Moments m) {
        m.problem.guard(() -> count(row, m));
        return m;
    }

    private void count(Row row, Moments m) {
        double y = PredictionRows.value(row, 0, labelCol);
        double p = PredictionRows.value(row, 1, predictionCol);
        double w = PredictionRows.value(row, 2, "weight");
        double e = y - p;
        m.rows++;
        m.weight += w;
        m.squaredError += w * e * e;
        m.absoluteError += w * Math.abs(e);
        double dy = y - m.labelMean;
        m.labelMean += w / m.weight * dy;
        m.labelDeviation += w * dy * (y - m.labelMean);
        double de = e - m.errorMean;
        m.errorMean += w / m.weight * de;
        m.errorDeviation += w * de * (e - m.errorMean);
    }

    @Override
    public Void getResult(Moments m) {
        return null;
    }

    @Override
    public Moments merge(Moments a, Moments b) {
        a.problem.merge(b.problem);
        if (b.weight == 0) {
            return a;
        }
        if (a.weight == 0) {
            b.problem.merge(a.problem);
            return b;
        }
        double weight = a.weight + b.weight;
        double dy = b.labelMean - a.labelMean;
        double de = b.errorMean - a.errorMean;
        a.labelDeviation += b.labelDeviation + dy * dy * a.weight * b.weight / weight;
        a.errorDeviation += b.errorDeviation + de * de * a.weight * b.weight / weight;
        a.labelMean += dy * b.weight / weight;
        a.errorMean += de * b.weight / weight;
        a.weight = weight;
        a.rows += b.rows;
        a.squaredError += b.squaredError;
        a.absoluteError += b.absoluteError;
        return a;
    }
}
