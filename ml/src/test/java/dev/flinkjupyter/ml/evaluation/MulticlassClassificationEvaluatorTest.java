package dev.flinkjupyter.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.table.api.Table;
import org.junit.jupiter.api.Test;

class MulticlassClassificationEvaluatorTest {
    @Test
    void sixRowsGiveTheMetricsComputedByHand() {
        // actual 0 0 1 1 2 2, predicted 0 1 1 1 2 0
        MulticlassClassificationMetrics m = new MulticlassClassificationEvaluator().evaluate(Predictions.doubles(2,
                new String[] {"label", "prediction"}, new double[] {0, 0, 1, 1, 2, 2}, new double[] {0, 1, 1, 1, 2, 0}));
        assertThat(m.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
        // precision: class 0 1/2, class 1 2/3, class 2 1; recall: 1/2, 1, 1/2; each class a third of the labels
        assertThat(m.get("weightedPrecision")).isCloseTo((0.5 + 2.0 / 3 + 1) / 3, within(1e-12));
        assertThat(m.get("weightedRecall")).isCloseTo((0.5 + 1 + 0.5) / 3, within(1e-12));
        assertThat(m.weightedF1()).isCloseTo((0.5 + 0.8 + 2.0 / 3) / 3, within(1e-12));
        assertThat(m.confusionMatrix().classes()).containsExactly("0", "1", "2");
        assertThat(m.confusionMatrix().counts()).isEqualTo(new double[][] {{1, 1, 0}, {0, 2, 0}, {1, 0, 1}});
        assertThat(m.confusionMatrix().count("2", "0")).isEqualTo(1);
    }

    @Test
    void stringClassesKeepTheirNames() {
        List<Object[]> rows = List.of(new Object[] {"cat", "cat"}, new Object[] {"dog", "cat"},
                new Object[] {"dog", "dog"}, new Object[] {"bird", "dog"});
        Table table = Predictions.table(1, new String[] {"animal", "guess"},
                new TypeInformation<?>[] {Types.STRING, Types.STRING}, rows);
        MulticlassClassificationMetrics m = new MulticlassClassificationEvaluator().setLabelCol("animal")
                .setPredictionCol("guess").evaluate(table);
        assertThat(m.confusionMatrix().classes()).containsExactly("bird", "cat", "dog");
        assertThat(m.confusionMatrix().count("dog", "cat")).isEqualTo(1);
        assertThat(m.accuracy()).isEqualTo(0.5);
    }

    @Test
    void agreesWithSmileOnGeneratedData() {
        Random random = new Random(3);
        int n = 5000;
        int[] truth = new int[n];
        int[] predicted = new int[n];
        double[] labels = new double[n];
        double[] predictions = new double[n];
        for (int i = 0; i < n; i++) {
            truth[i] = random.nextInt(4);
            predicted[i] = random.nextDouble() < 0.7 ? truth[i] : random.nextInt(4);
            labels[i] = truth[i];
            predictions[i] = predicted[i];
        }
        MulticlassClassificationMetrics m = new MulticlassClassificationEvaluator()
                .evaluate(Predictions.doubles(2, new String[] {"label", "prediction"}, labels, predictions));
        assertThat(m.accuracy()).isCloseTo(smile.validation.metric.Accuracy.of(truth, predicted), within(1e-12));
        int[][] smileMatrix = smile.validation.metric.ConfusionMatrix.of(truth, predicted).matrix;
        double[][] ours = m.confusionMatrix().counts();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(ours[i][j]).isEqualTo(smileMatrix[i][j]);
            }
        }
    }

    @Test
    void mixedColumnTypesAreRefused() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {1.0, "a"});
        Table table = Predictions.table(1, new String[] {"label", "prediction"},
                new TypeInformation<?>[] {Types.DOUBLE, Types.STRING}, rows);
        assertThatThrownBy(() -> new MulticlassClassificationEvaluator().evaluate(table))
                .hasMessageContaining("both be numbers or both be strings").hasMessageContaining("prediction STRING");
    }
}
