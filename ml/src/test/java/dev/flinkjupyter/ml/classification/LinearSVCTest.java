package dev.flinkjupyter.ml.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flinkjupyter.ml.Stage;
import dev.flinkjupyter.ml.TrainingHistory;
import dev.flinkjupyter.ml.testing.LocalFlink;
import dev.flinkjupyter.ml.testing.Synthetic;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CollectionUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearSVCTest {
    @Test
    void findsTheMinimumOfItsObjectiveAndNearlyTheBayesAccuracy() {
        LogisticData train = new LogisticData(LogisticRegressionTest.BINARY, 10000, 21);
        LogisticData test = new LogisticData(LogisticRegressionTest.BINARY, 50000, 22);
        double reg = 0.01;
        LinearSVCModel model = new LinearSVC().setReg(reg).setTol(1e-12)
                .fit(Synthetic.table(LocalFlink.batch(2), train.x, train.y));
        double[] w = model.getCoefficients();
        double b = model.getIntercept();
        // the gradient of mean(max(0, 1 - y m)^2) + reg / 2 |w|^2 vanishes at the minimum
        double[] gradient = new double[w.length + 1];
        for (int i = 0; i < train.x.length; i++) {
            double y = train.y[i] == 1 ? 1 : -1;
            double z = 1 - y * model.margin(train.x[i]);
            if (z > 0) {
                for (int j = 0; j < w.length; j++) {
                    gradient[j] -= 2 * y * z * train.x[i][j] / train.x.length;
                }
                gradient[w.length] -= 2 * y * z / train.x.length;
            }
        }
        for (int j = 0; j < w.length; j++) {
            gradient[j] += reg * w[j];
        }
        assertThat(gradient).containsExactly(new double[w.length + 1], within(1e-6));
        assertThat(model.isConverged()).isTrue();
        TrainingHistory history = model.getTrainingHistory();
        assertThat(history.steps().get(0).loss()).isEqualTo(1.0);
        assertThat(history.size()).isBetween(3, 15);
        int right = 0;
        for (int i = 0; i < test.x.length; i++) {
            right += model.predict(test.x[i]) == test.y[i] ? 1 : 0;
        }
        assertThat(right / (double) test.x.length).isCloseTo(test.bayesAccuracy(), within(0.015));
    }

    @Test
    void withoutAnInterceptTheInterceptStaysZero() {
        LogisticData train = new LogisticData(LogisticRegressionTest.BINARY, 10000, 24);
        LinearSVCModel model = new LinearSVC().setReg(0.01).setFitIntercept(false)
                .fit(Synthetic.table(LocalFlink.batch(2), train.x, train.y));
        assertThat(model.getIntercept()).isEqualTo(0.0);
        assertThat(model.getCoefficients()[0]).isPositive();
        assertThat(model.getCoefficients()[1]).isNegative();
    }

    @Test
    void sameModelAtParallelismOneAndTwo() {
        LogisticData train = new LogisticData(LogisticRegressionTest.BINARY, 20000, 23);
        LinearSVCModel one = new LinearSVC().setReg(0.01).fit(Synthetic.table(LocalFlink.batch(1), train.x, train.y));
        LinearSVCModel two = new LinearSVC().setReg(0.01).fit(Synthetic.table(LocalFlink.batch(2), train.x, train.y));
        assertThat(two.getCoefficients()).containsExactly(one.getCoefficients(), within(1e-8));
        assertThat(two.getIntercept()).isCloseTo(one.getIntercept(), within(1e-8));
    }

    @Test
    void saveLoadAndTransformGiveTheSameMargins(@TempDir Path dir) throws Exception {
        LogisticData train = new LogisticData(LogisticRegressionTest.BINARY, 2000, 24);
        StreamTableEnvironment tEnv = LocalFlink.batch(2);
        LinearSVCModel model = new LinearSVC().setReg(0.1).setRawPredictionCol("margin")
                .fit(Synthetic.table(tEnv, train.x, train.y));
        model.save(dir.resolve("svm").toString());
        LinearSVCModel loaded = Stage.load(dir.resolve("svm").toString());
        Table out = loaded.transform(Synthetic.table(tEnv, train.x, train.y))[0];
        assertThat(out.getResolvedSchema().getColumnNames()).containsExactly("features", "label", "prediction",
                "margin");
        List<Row> rows = CollectionUtil.iteratorToList(out.execute().collect());
        assertThat(rows).hasSize(2000);
        for (Row row : rows.subList(0, 200)) {
            Double[] f = (Double[]) row.getField("features");
            double[] x = new double[f.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = f[j];
            }
            double margin = model.margin(x);
            assertThat((Double) row.getField("margin")).isCloseTo(margin, within(1e-12));
            assertThat((Double) row.getField("prediction")).isEqualTo(margin > 0 ? 1.0 : 0.0);
        }
    }

    @Test
    void labelsOtherThanZeroAndOneFailClearly() {
        StreamTableEnvironment tEnv = LocalFlink.batch(1);
        double[][] x = {{1, 2}, {2, 1}, {3, 3}};
        assertThatThrownBy(() -> new LinearSVC().fit(Synthetic.table(tEnv, x, new double[] {-1, 1, 1})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs labels 0 and 1").hasMessageContaining("[-1.0, 1.0]");
        assertThatThrownBy(() -> new LinearSVC().fit(Synthetic.table(tEnv, x, new double[] {0, 0, 0})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only one class");
    }
}
