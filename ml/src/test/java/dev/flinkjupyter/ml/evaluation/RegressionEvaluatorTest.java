package dev.flinkjupyter.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RegressionEvaluatorTest {
    @Test
    void fourRowsGiveTheMetricsComputedByHand() {
        // errors 1, -1, 2, 0; labels 1 2 3 6 (mean 3, SS_tot 14)
        RegressionMetrics m = new RegressionEvaluator().evaluate(Predictions.doubles(2,
                new String[] {"label", "prediction"}, new double[] {1, 2, 3, 6}, new double[] {0, 3, 1, 6}));
        assertThat(m.get("mse")).isCloseTo(6.0 / 4, within(1e-12));
        assertThat(m.rmse()).isCloseTo(Math.sqrt(1.5), within(1e-12));
        assertThat(m.mae()).isCloseTo(1.0, within(1e-12));
        assertThat(m.r2()).isCloseTo(1 - 6.0 / 14, within(1e-12));
        // errors' mean 0.5, their sum of squared deviations 6 - 4 * 0.25 = 5
        assertThat(m.explainedVariance()).isCloseTo(1 - 5.0 / 14, within(1e-12));
    }

    @Test
    void agreesWithSmileOnGeneratedDataAtAnyParallelism() {
        Random random = new Random(11);
        int n = 10_000;
        double[] labels = new double[n];
        double[] predictions = new double[n];
        for (int i = 0; i < n; i++) {
            double x = random.nextGaussian();
            labels[i] = 1000 + 3 * x + random.nextGaussian();
            predictions[i] = 1000 + 3 * x;
        }
        RegressionMetrics m = new RegressionEvaluator()
                .evaluate(Predictions.doubles(2, new String[] {"label", "prediction"}, labels, predictions));
        assertThat(m.rmse()).isCloseTo(smile.validation.metric.RMSE.of(labels, predictions), within(1e-9));
        assertThat(m.mae()).isCloseTo(smile.validation.metric.MAD.of(labels, predictions), within(1e-9));
        assertThat(m.r2()).isCloseTo(smile.validation.metric.R2.of(labels, predictions), within(1e-9));
        RegressionMetrics serial = new RegressionEvaluator()
                .evaluate(Predictions.doubles(1, new String[] {"label", "prediction"}, labels, predictions));
        assertThat(serial.explainedVariance()).isCloseTo(m.explainedVariance(), within(1e-12));
    }

    @Test
    void aNullLabelIsNamed() {
        java.util.List<Object[]> rows = java.util.List.of(new Object[] {1.0, 1.0}, new Object[] {null, 2.0});
        var table = Predictions.table(1, new String[] {"y", "prediction"}, new org.apache.flink.api.common.typeinfo
                .TypeInformation<?>[] {org.apache.flink.api.common.typeinfo.Types.DOUBLE,
                        org.apache.flink.api.common.typeinfo.Types.DOUBLE}, rows);
        assertThatThrownBy(() -> new RegressionEvaluator().setLabelCol("y").evaluate(table))
                .hasMessageContaining("column 'y' holds a null");
        assertThatThrownBy(() -> new RegressionEvaluator().evaluate(table))
                .hasMessageContaining("unknown label column 'label'").hasMessageContaining("y DOUBLE, prediction DOUBLE");
    }
}
