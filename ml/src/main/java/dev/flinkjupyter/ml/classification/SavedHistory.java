package dev.flinkjupyter.ml.classification;

import dev.flinkjupyter.ml.TrainingHistory;
import java.util.ArrayList;
import java.util.List;

/**
 * A training history as a saved linear classifier keeps it: two columns, the loss and the metric
 * of each iteration, in the model's JSON beside its coefficients.
 */
final class SavedHistory {
    private SavedHistory() {
    }

    /** The loss of each step. */
    static double[] losses(TrainingHistory history) {
        return history.steps().stream().mapToDouble(TrainingHistory.Step::loss).toArray();
    }

    /** The metric of each step. */
    static double[] metrics(TrainingHistory history) {
        return history.steps().stream().mapToDouble(TrainingHistory.Step::metric).toArray();
    }

    /** The history of these columns, iterations numbered from 1; empty when {@code losses} is null (not saved). */
    static TrainingHistory of(String lossName, String metricName, double[] losses, double[] metrics) {
        List<TrainingHistory.Step> steps = new ArrayList<>();
        for (int i = 0; losses != null && i < losses.length; i++) {
            steps.add(new TrainingHistory.Step(i + 1, losses[i], metrics[i]));
        }
        return new TrainingHistory(lossName, metricName, steps);
    }
}
