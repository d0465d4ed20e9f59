package dev.flinkjupyter.ml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * How training went, one {@link Step} per iteration (a pass over the data): the loss the model had,
 * and a metric where it came for free from the same pass (training accuracy, for example). Shown
 * in a notebook as a loss curve.
 */
public final class TrainingHistory {
    /** A history without steps. */
    public static final TrainingHistory EMPTY = new TrainingHistory("loss", "", List.of());

    /**
     * One iteration.
     *
     * @param iteration counted from 1
     * @param loss the objective (loss plus regularisation) at the start of the iteration
     * @param metric the metric, or NaN when none was computed
     */
    public record Step(int iteration, double loss, double metric) {
    }

    private final String lossName;
    private final String metricName;
    private final List<Step> steps;

    /**
     * A history.
     *
     * @param lossName what the loss is ({@code log loss + L2})
     * @param metricName what the metric is ({@code training accuracy}); empty when there is none
     * @param steps the iterations in order
     */
    public TrainingHistory(String lossName, String metricName, List<Step> steps) {
        this.lossName = Objects.requireNonNull(lossName);
        this.metricName = Objects.requireNonNull(metricName);
        this.steps = Collections.unmodifiableList(new ArrayList<>(steps));
    }

    /** What the loss is. */
    public String lossName() {
        return lossName;
    }

    /** What the metric is; empty when there is none. */
    public String metricName() {
        return metricName;
    }

    /** The iterations, in order. */
    public List<Step> steps() {
        return steps;
    }

    /** The number of iterations. */
    public int size() {
        return steps.size();
    }

    /** The loss of the last iteration, or NaN when there is none. */
    public double finalLoss() {
        return steps.isEmpty() ? Double.NaN : steps.get(steps.size() - 1).loss();
    }

    @Override
    public String toString() {
        return "TrainingHistory[" + steps.size() + " iterations, " + lossName + " " + finalLoss() + "]";
    }
}
