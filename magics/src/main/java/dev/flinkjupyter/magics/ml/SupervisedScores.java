package dev.flinkjupyter.magics.ml;

import dev.flinkjupyter.ml.evaluation.BinaryClassificationEvaluator;
import dev.flinkjupyter.ml.evaluation.BinaryClassificationMetrics;
import dev.flinkjupyter.ml.evaluation.MulticlassClassificationEvaluator;
import dev.flinkjupyter.ml.evaluation.MulticlassClassificationMetrics;
import dev.flinkjupyter.ml.evaluation.RegressionEvaluator;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import dev.flinkjupyter.ml.param.HasProbabilityCol;
import dev.flinkjupyter.ml.param.HasRawPredictionCol;
import org.apache.flink.table.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The scores of a classifier or a regression on its predictions, as the ml module draws them: for
 * a classifier its accuracy,
 * weighted F1 and confusion matrix, and for two classes (labels 0 and 1) AUC, log loss and the ROC
 * curve too; for a regression RMSE, MAE and R2.
 */
final class SupervisedScores {
    private SupervisedScores() {
    }

    static List<Object> of(TrainedModel model, Table predictions) {
        String label = model.label().orElseThrow();
        String prediction = model.model() instanceof HasPredictionCol<?> p ? p.getPredictionCol() : "prediction";
        List<Object> outputs = new ArrayList<>();
        if (model.algorithmKind().kind() == ModelKind.REGRESSION) {
            outputs.add(new RegressionEvaluator().setLabelCol(label).setPredictionCol(prediction).evaluate(predictions));
            return outputs;
        }
        MulticlassClassificationMetrics classes = new MulticlassClassificationEvaluator()
                .setLabelCol(label).setPredictionCol(prediction).evaluate(predictions);
        outputs.add(classes);  // drawn with its confusion matrix
        String score = scoreColumn(model);
        if (score != null && isZeroOne(classes.confusionMatrix().classes())) {
            BinaryClassificationMetrics binary = new BinaryClassificationEvaluator().setLabelCol(label)
                    .setScoreCol(score).setPredictionCol(prediction).evaluate(predictions);
            outputs.add(binary);  // drawn with its ROC curve
        }
        return outputs;
    }

    /** The column with the model's class-1 score: probabilities, else raw margins; null when it has neither. */
    private static String scoreColumn(TrainedModel model) {
        if (model.model() instanceof HasProbabilityCol<?> p) {
            return p.getProbabilityCol();
        }
        if (model.model() instanceof HasRawPredictionCol<?> r) {
            return r.getRawPredictionCol();
        }
        return null;
    }

    private static boolean isZeroOne(List<String> classes) {
        if (classes.size() != 2) {
            return false;
        }
        try {
            return Double.parseDouble(classes.get(0)) == 0 && Double.parseDouble(classes.get(1)) == 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
