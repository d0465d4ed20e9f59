package dev.flinkjupyter.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.BasicArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.table.api.Table;
import org.junit.jupiter.api.Test;

class BinaryClassificationEvaluatorTest {
    static final double[] LABELS = {1, 0, 1, 1, 0};
    static final double[] SCORES = {0.9, 0.8, 0.7, 0.3, 0.2};

    @Test
    void fiveRowsGiveTheMetricsComputedByHand() {
        BinaryClassificationMetrics m = new BinaryClassificationEvaluator()
                .evaluate(Predictions.doubles(2, new String[] {"label", "probability"}, LABELS, SCORES));

        // Of the 6 (positive, negative) pairs, 4 rank the positive higher.
        assertThat(m.areaUnderROC()).isCloseTo(4.0 / 6, within(1e-12));
        // PR points (0,1) (1/3,1) (1/3,1/2) (2/3,2/3) (1,3/4) (1,3/5), trapezoids.
        assertThat(m.areaUnderPR()).isCloseTo(55.0 / 72, within(1e-12));
        // At 0.5: 0.9, 0.8, 0.7 are predicted 1: TP 2, FP 1, FN 1, TN 1.
        assertThat(m.accuracy()).isCloseTo(0.6, within(1e-12));
        assertThat(m.get("precision")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.get("recall")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.get("f1")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.confusion()).isEqualTo(new double[][] {{1, 1}, {1, 2}});
        double logLoss = -(Math.log(0.9) + Math.log(0.2) + Math.log(0.7) + Math.log(0.3) + Math.log(0.8)) / 5;
        assertThat(m.logLoss()).isCloseTo(logLoss, within(1e-12));
        assertThat(m.roc().size()).isEqualTo(6);
        assertThat(m.roc().x()).containsExactly(0, 0, 0.5, 0.5, 0.5, 1);
        assertThat(m.roc().y()).containsExactly(new double[] {0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 1, 1}, within(1e-12));
        assertThat(m.get("rows")).isEqualTo(5);
    }

    @Test
    void rawMarginsRankTheSameAndHaveNoLogLoss() {
        double[] margins = new double[SCORES.length];
        for (int i = 0; i < margins.length; i++) {
            margins[i] = 10 * SCORES[i] - 5;
        }
        BinaryClassificationMetrics m = new BinaryClassificationEvaluator().setScoreCol("margin").setThreshold(0)
                .evaluate(Predictions.doubles(1, new String[] {"label", "margin"}, LABELS, margins));
        assertThat(m.areaUnderROC()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(m.areaUnderPR()).isCloseTo(55.0 / 72, within(1e-12));
        assertThat(m.accuracy()).isCloseTo(0.6, within(1e-12));
        assertThat(m.logLoss()).isNaN();
    }

    @Test
    void aVectorOfClassProbabilitiesIsReadAtClassOne() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < LABELS.length; i++) {
            rows.add(new Object[] {LABELS[i], new Double[] {1 - SCORES[i], SCORES[i]}, SCORES[i] >= 0.75 ? 1.0 : 0.0});
        }
        Table table = Predictions.table(2, new String[] {"label", "probability", "prediction"},
                new TypeInformation<?>[] {Types.DOUBLE, BasicArrayTypeInfo.DOUBLE_ARRAY_TYPE_INFO, Types.DOUBLE}, rows);
        BinaryClassificationMetrics m = new BinaryClassificationEvaluator().setPredictionCol("prediction").evaluate(table);
        assertThat(m.areaUnderROC()).isCloseTo(4.0 / 6, within(1e-12));
        // The prediction column decides: 0.9 and 0.8 are predicted 1.
        assertThat(m.confusion()).isEqualTo(new double[][] {{1, 1}, {2, 1}});
        assertThat(m.get("threshold")).isNaN();
    }

    @Test
    void agreesWithSmileOnGeneratedData() {
        Random random = new Random(7);
        int n = 20_000;
        double[] labels = new double[n];
        double[] scores = new double[n];
        int[] truth = new int[n];
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = random.nextDouble() < 0.3 ? 1 : 0;
            labels[i] = truth[i];
            double margin = (truth[i] == 1 ? 1.2 : -0.4) + random.nextGaussian();
            scores[i] = 1 / (1 + Math.exp(-margin));
            predicted[i] = scores[i] >= 0.5 ? 1 : 0;
        }
        BinaryClassificationMetrics m = new BinaryClassificationEvaluator()
                .evaluate(Predictions.doubles(2, new String[] {"label", "probability"}, labels, scores));

        assertThat(m.areaUnderROC()).isCloseTo(smile.validation.metric.AUC.of(truth, scores), within(1e-4));
        assertThat(m.logLoss()).isCloseTo(smile.validation.metric.LogLoss.of(truth, scores), within(1e-9));
        assertThat(m.accuracy()).isCloseTo(smile.validation.metric.Accuracy.of(truth, predicted), within(1e-12));
        assertThat(m.get("precision")).isCloseTo(smile.validation.metric.Precision.of(truth, predicted), within(1e-12));
        assertThat(m.get("recall")).isCloseTo(smile.validation.metric.Recall.of(truth, predicted), within(1e-12));
        assertThat(m.get("f1")).isCloseTo(smile.validation.metric.FScore.of(1, truth, predicted), within(1e-12));
        assertThat(m.roc().size()).isLessThanOrEqualTo(BinaryClassificationEvaluator.MAX_CURVE_POINTS);
        assertThat(m.areaUnderPR()).isBetween(0.3, 1.0);

        BinaryClassificationMetrics serial = new BinaryClassificationEvaluator()
                .evaluate(Predictions.doubles(1, new String[] {"label", "probability"}, labels, scores));
        assertThat(serial.values()).isEqualTo(m.values());
    }

    @Test
    void badInputIsNamed() {
        Table table = Predictions.doubles(1, new String[] {"label", "probability"}, new double[] {0, 2}, new double[] {0.1, 0.2});
        assertThatThrownBy(() -> new BinaryClassificationEvaluator().evaluate(table))
                .hasMessageContaining("label column 'label' holds 2.0").hasMessageContaining("labels 0 and 1");
        assertThatThrownBy(() -> new BinaryClassificationEvaluator().setScoreCol("score").evaluate(table))
                .hasMessageContaining("unknown score column 'score'").hasMessageContaining("label DOUBLE, probability DOUBLE");
        assertThatThrownBy(() -> new BinaryClassificationEvaluator().setParam("numBins", "1"))
                .hasMessageContaining("numBins");
    }
}
