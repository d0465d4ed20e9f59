package dev.flinkjupyter.magics.ml;

import dev.flinkjupyter.display.Charts;
import dev.flinkjupyter.display.Display;
import dev.flinkjupyter.display.Markdown;
import dev.flinkjupyter.ml.TrainingHistory;
import dev.flinkjupyter.ml.clustering.ClusteringEvaluator;
import dev.flinkjupyter.ml.clustering.ClusteringMetrics;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import org.apache.flink.table.api.Table;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * How a trained model does on a table, as the ML magics show it: the metrics of its kind, computed
 * by Flink over the model's predictions, and the charts that go with them (the loss curve of the
 * training, a confusion matrix, a ROC curve, the cluster sizes).
 */
final class Scores {
    private final List<Object> outputs;

    private Scores(List<Object> outputs) {
        this.outputs = outputs;
    }

    /** Scores {@code model} on {@code data}; {@code on} says which rows, for the heading. */
    static Scores of(TrainedModel model, Table data, String on) {
        List<Object> outputs = new ArrayList<>();
        outputs.add(new Markdown("**" + model.algorithm() + "** scored on " + on + ":"));
        Table predictions = model.transform(data);
        String prediction = model.model() instanceof HasPredictionCol<?> p ? p.getPredictionCol() : "prediction";
        switch (model.algorithmKind().kind()) {
            case CLUSTERING -> {
                ClusteringMetrics metrics = new ClusteringEvaluator().setFeaturesCol(FeatureColumns.VECTOR)
                        .setPredictionCol(prediction).evaluate(predictions);
                outputs.add(metrics);
                outputs.add(clusterSizes(metrics));
            }
            case CLASSIFICATION, REGRESSION -> outputs.addAll(SupervisedScores.of(model, predictions));
        }
        TrainingHistory history = model.model().getTrainingHistory();
        if (history.size() > 1) {
            outputs.add(lossCurve(history));
        }
        return new Scores(outputs);
    }

    /** Shows every output of the scoring, in order, under the cell. */
    void show() {
        outputs.forEach(Display::display);
    }

    List<Object> outputs() {
        return outputs;
    }

    private static Object clusterSizes(ClusteringMetrics metrics) {
        String[] names = new String[metrics.clusters().length];
        for (int i = 0; i < names.length; i++) {
            names[i] = "cluster " + metrics.clusters()[i];
        }
        return Charts.bar("rows per cluster", names, metrics.sizes());
    }

    private static XYChart lossCurve(TrainingHistory history) {
        double[] iterations = history.steps().stream().mapToDouble(TrainingHistory.Step::iteration).toArray();
        double[] losses = history.steps().stream().mapToDouble(TrainingHistory.Step::loss).toArray();
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("training: " + history.lossName() + " per iteration")
                .xAxisTitle("iteration").yAxisTitle(history.lossName()).build();
        chart.addSeries(history.lossName(), iterations, losses);
        return chart;
    }
}
