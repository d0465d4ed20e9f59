package dev.flinkjupyter.ml.evaluation;

import static org.apache.flink.table.api.Expressions.$;

import dev.flinkjupyter.ml.DataPass;
import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.Stage;
import dev.flinkjupyter.ml.param.HasLabelCol;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import dev.flinkjupyter.ml.param.HasWeightCol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;

/**
 * Scores a classifier over any number of classes from a label and a prediction column, both
 * numeric or both text (strings, as {@code StringIndexer} reads them). One Flink pass counts the
 * weight of every (label, prediction) pair; accuracy, the weighted precision, recall and F1 and
 * the confusion matrix come from those counts.
 *
 * <pre>{@code
 * MulticlassClassificationMetrics m = new MulticlassClassificationEvaluator().evaluate(model.transform(test)[0]);
 * m.confusionMatrix().count("1", "2");
 * }</pre>
 */
public final class MulticlassClassificationEvaluator implements Stage<MulticlassClassificationEvaluator>,
        HasLabelCol<MulticlassClassificationEvaluator>, HasPredictionCol<MulticlassClassificationEvaluator>,
        HasWeightCol<MulticlassClassificationEvaluator> {
    private final ParamMap params = new ParamMap(MulticlassClassificationEvaluator.class);

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** The metrics of the predictions in the table; an empty table fails. */
    public MulticlassClassificationMetrics evaluate(Table predictions) {
        String labelCol = getLabelCol();
        String predictionCol = getPredictionCol();
        boolean numericLabel = isNumeric(predictions, "label", labelCol);
        boolean numericPrediction = isNumeric(predictions, "prediction", predictionCol);
        if (numericLabel != numericPrediction) {
            throw new IllegalArgumentException("label column '" + labelCol + "' and prediction column '"
                    + predictionCol + "' must both be numbers or both be strings; the table has "
                    + InputColumns.describe(predictions.getResolvedSchema()));
        }
        ApiExpression label = $(labelCol).cast(numericLabel ? DataTypes.DOUBLE() : DataTypes.STRING());
        ApiExpression prediction = $(predictionCol).cast(numericLabel ? DataTypes.DOUBLE() : DataTypes.STRING());
        ConfusionCounts.Counts counts = DataPass.run(
                PredictionRows.select(predictions, label, prediction, PredictionRows.weight(predictions, getWeightCol())),
                new ConfusionCounts(labelCol, predictionCol), "multiclass classification metrics");
        counts.problem.throwIfAny();
        if (counts.rows == 0) {
            throw new IllegalArgumentException("cannot evaluate predictions of an empty table: it has no rows");
        }
        return metrics(counts);
    }

    private static boolean isNumeric(Table table, String role, String column) {
        LogicalType type = InputColumns.require(table, role, column);
        if (type.getTypeRoot().getFamilies().contains(LogicalTypeFamily.NUMERIC)) {
            return true;
        }
        if (type.getTypeRoot().getFamilies().contains(LogicalTypeFamily.CHARACTER_STRING)) {
            return false;
        }
        throw new IllegalArgumentException(role + " column '" + column + "' is " + type
                + ", not a number or a string; the table has " + InputColumns.describe(table.getResolvedSchema()));
    }

    /** The metrics from the counts of the pass. */
    @SuppressWarnings("unchecked")
    static MulticlassClassificationMetrics metrics(ConfusionCounts.Counts counts) {
        List<Object> classes = new ArrayList<>(counts.classes());
        // Both columns were cast to one type: all classes are numbers, or all are strings.
        classes.sort(Comparator.comparing(c -> (Comparable<Object>) c));
        int k = classes.size();
        double[][] matrix = new double[k][k];
        counts.cells.forEach((label, row) -> row.forEach((prediction, w) ->
                matrix[classes.indexOf(label)][classes.indexOf(prediction)] += w));
        double total = 0;
        double correct = 0;
        double[] actual = new double[k];
        double[] predicted = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                total += matrix[i][j];
                actual[i] += matrix[i][j];
                predicted[j] += matrix[i][j];
            }
            correct += matrix[i][i];
        }
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        for (int i = 0; i < k; i++) {
            double share = actual[i] / total;
            double p = predicted[i] == 0 ? 0 : matrix[i][i] / predicted[i];
            double r = actual[i] == 0 ? 0 : matrix[i][i] / actual[i];
            precision += share * p;
            recall += share * r;
            f1 += share * (p + r == 0 ? 0 : 2 * p * r / (p + r));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("accuracy", correct / total);
        values.put("weightedPrecision", precision);
        values.put("weightedRecall", recall);
        values.put("weightedF1", f1);
        values.put("classes", (double) k);
        values.put("rows", (double) counts.rows);
        List<String> names = classes.stream().map(MulticlassClassificationEvaluator::name).toList();
        return new MulticlassClassificationMetrics(values, new ConfusionMatrix(names, matrix));
    }

    /** A class as text: whole numbers without a fraction ({@code 2}, not {@code 2.0}). */
    private static String name(Object c) {
        if (c instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(c);
    }
}
