package dev.flinkjupyter.ml.render;

import dev.flinkjupyter.display.Charts;
import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.display.RenderContext;
import dev.flinkjupyter.ml.TrainingHistory;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * A {@link TrainingHistory} as its loss curve (loss per iteration), with the metric of the last
 * iteration in the title; its plain text lists every iteration. An empty history (a model solved
 * in closed form) says so in text.
 */
final class TrainingCurves {
    private TrainingCurves() {
    }

    static MimeBundle render(TrainingHistory history, RenderContext context) {
        List<TrainingHistory.Step> steps = history.steps();
        if (steps.isEmpty()) {
            return MimeBundle.text("no training history: the model was learned in closed form or loaded without one");
        }
        double[] iterations = steps.stream().mapToDouble(TrainingHistory.Step::iteration).toArray();
        double[] losses = steps.stream().mapToDouble(TrainingHistory.Step::loss).toArray();
        TrainingHistory.Step last = steps.get(steps.size() - 1);
        String metric = history.metricName().isEmpty() || Double.isNaN(last.metric()) ? ""
                : ", " + history.metricName() + " " + last.metric();
        XYChart chart = Charts.line(history.lossName() + " per iteration" + metric, iterations, losses);
        chart.setXAxisTitle("iteration");
        chart.setYAxisTitle(history.lossName());
        chart.getSeriesMap().values().forEach(s -> s.setLabel(history.lossName()));
        return context.render(chart).with(MimeBundle.TEXT, text(history));
    }

    static String text(TrainingHistory history) {
        StringBuilder out = new StringBuilder(history.size() + " iterations (iteration, " + history.lossName()
                + (history.metricName().isEmpty() ? "" : ", " + history.metricName()) + "):");
        for (TrainingHistory.Step step : history.steps()) {
            out.append('\n').append(step.iteration()).append('\t').append(step.loss());
            if (!history.metricName().isEmpty()) {
                out.append('\t').append(step.metric());
            }
        }
        return out.toString();
    }
}
