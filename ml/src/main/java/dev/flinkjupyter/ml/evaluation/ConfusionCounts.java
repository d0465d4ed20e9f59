package dev.flinkjupyter.ml.evaluation;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.types.Row;

/**
 * One pass of the multiclass evaluator: the weight of every (label, prediction) pair, for rows of
 * (label, prediction, weight). Classes are numbers ({@code Double}) or strings. Bounded by the
 * number of classes, which is capped so that a column of ids mistaken for classes fails clearly.
 */
final class ConfusionCounts implements AggregateFunction<Row, ConfusionCounts.Counts, Void> {
    /** The most distinct classes (labels and predictions together). */
    static final int MAX_CLASSES = 1000;

    private final String labelCol;
    private final String predictionCol;

    ConfusionCounts(String labelCol, String predictionCol) {
        this.labelCol = labelCol;
        this.predictionCol = predictionCol;
    }

    /** label -> prediction -> weight, and the row count. */
    static final class Counts implements Serializable {
        private static final long serialVersionUID = 1L;
        final HashMap<Object, HashMap<Object, Double>> cells = new HashMap<>();
        final HashSet<Object> classes = new HashSet<>();
        long rows;
        final Problem problem = new Problem();

        void add(Object label, Object prediction, double weight) {
            cells.computeIfAbsent(label, k -> new HashMap<>()).merge(prediction, weight, Double::sum);
            classes.add(label);
            classes.add(prediction);
            if (classes.size() > MAX_CLASSES) {
                throw new IllegalArgumentException("more than " + MAX_CLASSES + " distinct classes in the label and"
                        + " prediction columns; are they class columns?");
            }
        }

        Set<Object> classes() {
            return classes;
        }
    }

    @Override
    public Counts createAccumulator() {
        return new Counts();
    }

    @Override
    public Counts add(Row row, Counts acc) {
        if (acc.problem.guard(() -> acc.add(classOf(row, 0, labelCol), classOf(row, 1, predictionCol),
                PredictionRows.value(row, 2, "weight")))) {
            acc.rows++;
        }
        return acc;
    }

    private static Object classOf(Row row, int field, String column) {
        Object value = row.getField(field);
        if (value == null || (value instanceof Double d && d.isNaN())) {
            throw new IllegalArgumentException("column '" + column + "' holds a " + value
                    + "; filter those rows first");
        }
        return value;
    }

    @Override
    public Void getResult(Counts acc) {
        return null;
    }

    @Override
    public Counts merge(Counts a, Counts b) {
        a.problem.merge(b.problem);
        b.cells.forEach((label, row) -> row.forEach((prediction, w) ->
                a.problem.guard(() -> a.add(label, prediction, w))));
        a.rows += b.rows;
        return a;
    }
}
