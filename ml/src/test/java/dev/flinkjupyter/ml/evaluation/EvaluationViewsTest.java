package dev.flinkjupyter.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkjupyter.display.Charts;
import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.display.Renderers;
import java.util.List;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

class EvaluationViewsTest {
    private final Renderers renderers = Renderers.withInstalledProviders();

    static BinaryClassificationMetrics binary() {
        ScoreHistogram histogram = new ScoreHistogram(100, 0, 1, 0.5, "label", "probability", null);
        ScoreHistogram.Counts counts = histogram.createAccumulator();
        double[] labels = BinaryClassificationEvaluatorTest.LABELS;
        double[] scores = BinaryClassificationEvaluatorTest.SCORES;
        for (int i = 0; i < labels.length; i++) {
            histogram.add(Row.of(labels[i], scores[i], 1.0), counts);
        }
        return BinaryClassificationEvaluator.metrics(counts, true, 0.5);
    }

    @Test
    void binaryMetricsShowATableAndTheRocCurve() {
        MimeBundle bundle = renderers.render(binary());
        String html = (String) bundle.get(MimeBundle.HTML);
        assertThat(html).contains("areaUnderROC", "logLoss", "f1", "<img src=\"data:image/png;base64,");
        assertThat((String) bundle.get(MimeBundle.TEXT)).contains("areaUnderROC").contains("0.666");
        assertThat(EvaluationViews.rocChart(binary()).getSeriesMap()).hasSize(2);
        assertThat(Charts.png(EvaluationViews.rocChart(binary())).bytes().length).isGreaterThan(1000);
    }

    @Test
    void multiclassMetricsShowTheConfusionMatrixWithTheClassNames() {
        ConfusionCounts.Counts counts = new ConfusionCounts("label", "prediction").createAccumulator();
        counts.add("cat", "cat", 3);
        counts.add("cat", "dog", 1);
        counts.add("dog", "dog", 2);
        counts.rows = 6;
        MimeBundle bundle = renderers.render(MulticlassClassificationEvaluator.metrics(counts));
        String html = (String) bundle.get(MimeBundle.HTML);
        assertThat(html).contains("weightedF1", "confusion matrix", "actual \\ predicted", ">cat<", ">dog<");
        assertThat((String) bundle.get(MimeBundle.TEXT)).contains("confusion matrix").contains("cat");
    }

    @Test
    void regressionMetricsShowAsATable() {
        ResidualMoments moments = new ResidualMoments("label", "prediction");
        ResidualMoments.Moments m = moments.createAccumulator();
        for (double[] row : List.of(new double[] {1, 0}, new double[] {2, 3}, new double[] {3, 1}, new double[] {6, 6})) {
            moments.add(Row.of(row[0], row[1], 1.0), m);
        }
        String text = (String) renderers.render(RegressionEvaluator.metrics(m)).get(MimeBundle.TEXT);
        assertThat(text).contains("rmse", "mae", "r2", "explainedVariance", "1.2247");
    }
}
