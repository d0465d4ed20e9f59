package dev.flinkjupyter.ml.classification;

import static org.apache.flink.table.api.Expressions.$;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flinkjupyter.ml.Stage;
import dev.flinkjupyter.ml.TestFlink;
import dev.flinkjupyter.ml.TrainingHistory;
import dev.flinkjupyter.ml.evaluation.BinaryClassificationEvaluator;
import dev.flinkjupyter.ml.evaluation.BinaryClassificationMetrics;
import dev.flinkjupyter.ml.testing.LocalFlink;
import dev.flinkjupyter.ml.testing.Synthetic;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.flink.api.common.typeinfo.BasicArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CollectionUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.classification.LogisticRegression.Binomial;
import smile.classification.LogisticRegression.Multinomial;

class LogisticRegressionTest {
    static final double[][] BINARY = {{0, 0, 0, 0, 0, 0}, {1.5, -1, 0.5, 2, 0, 0.3}};
    static final double[][] THREE = {{0, 0, 0, 0}, {1, -2, 0.5, 0.5}, {-1.5, -0.5, 2, -0.2}};

    static double accuracy(LogisticData data, ToDoubleFunction<double[]> predict) {
        int right = 0;
        for (int i = 0; i < data.x.length; i++) {
            right += predict.applyAsDouble(data.x[i]) == data.y[i] ? 1 : 0;
        }
        return right / (double) data.x.length;
    }

    @Test
    void binaryReachesTheBayesAccuracyAndConvergesInAFewPasses() {
        LogisticData train = new LogisticData(BINARY, 20000, 1);
        LogisticData test = new LogisticData(BINARY, 50000, 2);
        LogisticRegressionModel model = new LogisticRegression()
                .fit(Synthetic.table(LocalFlink.batch(2), train.x, train.y));
        assertThat(model.isBinary()).isTrue();
        assertThat(accuracy(test, model::predict)).isCloseTo(test.bayesAccuracy(), within(0.01));
        assertThat(model.getCoefficients()).containsExactly(new double[] {1.5, -1, 0.5, 2, 0}, within(0.1));
        assertThat(model.getIntercept()).isCloseTo(0.3, within(0.1));
        TrainingHistory history = model.getTrainingHistory();
        assertThat(model.isConverged()).isTrue();
        assertThat(history.size()).isBetween(3, 12);
        assertThat(history.steps().get(0).loss()).isCloseTo(Math.log(2), within(1e-12));
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.steps().get(i).loss()).isLessThanOrEqualTo(history.steps().get(i - 1).loss());
        }
        assertThat(history.steps().get(history.size() - 1).metric()).isCloseTo(train.bayesAccuracy(), within(0.01));
    }

    @Test
    void withoutAnInterceptTheInterceptStaysZeroAndTheCoefficientsAreFound() {
        double[][] throughOrigin = {{0, 0, 0, 0, 0, 0}, {1.5, -1, 0.5, 2, 0, 0}};
        LogisticData train = new LogisticData(throughOrigin, 20000, 31);
        LogisticData test = new LogisticData(throughOrigin, 50000, 32);
        LogisticRegressionModel model = new LogisticRegression().setFitIntercept(false)
                .fit(Synthetic.table(LocalFlink.batch(2), train.x, train.y));
        assertThat(model.getIntercept()).isEqualTo(0.0);
        assertThat(model.getCoefficients()).containsExactly(new double[] {1.5, -1, 0.5, 2, 0}, within(0.1));
        assertThat(accuracy(test, model::predict)).isCloseTo(test.bayesAccuracy(), within(0.01));
        // With an intercept to learn (0.3 in BINARY), leaving it out costs accuracy.
        LogisticData shifted = new LogisticData(BINARY, 20000, 33);
        LogisticRegressionModel without = new LogisticRegression().setFitIntercept(false)
                .fit(Synthetic.table(LocalFlink.batch(2), shifted.x, shifted.y));
        LogisticRegressionModel with = new LogisticRegression()
                .fit(Synthetic.table(LocalFlink.batch(2), shifted.x, shifted.y));
        assertThat(without.getIntercept()).isEqualTo(0.0);
        assertThat(with.getIntercept()).isCloseTo(0.3, within(0.1));
    }

    @Test
    void itsOutputIsWhatTheEvaluatorsRead() {
        LogisticData train = new LogisticData(BINARY, 5000, 11);
        LogisticData test = new LogisticData(BINARY, 5000, 12);
        StreamTableEnvironment tEnv = LocalFlink.batch(2);
        LogisticRegressionModel model = new LogisticRegression().fit(Synthetic.table(tEnv, train.x, train.y));
        BinaryClassificationMetrics metrics = new BinaryClassificationEvaluator()
                .evaluate(model.transform(Synthetic.table(tEnv, test.x, test.y))[0]);
        assertThat(metrics.accuracy()).isCloseTo(accuracy(test, model::predict), within(1e-9));
        double logLoss = 0;
        for (int i = 0; i < test.x.length; i++) {
            logLoss -= Math.log(model.predictProbabilities(test.x[i])[(int) test.y[i]]) / test.x.length;
        }
        assertThat(metrics.logLoss()).isCloseTo(logLoss, within(1e-9));
        assertThat(metrics.areaUnderROC()).isGreaterThan(0.9);
    }

    @Test
    void multinomialReachesTheBayesAccuracy() {
        LogisticData train = new LogisticData(THREE, 20000, 3);
        LogisticData test = new LogisticData(THREE, 50000, 4);
        LogisticRegressionModel model = new LogisticRegression().setReg(1e-4)
                .fit(Synthetic.table(LocalFlink.batch(2), train.x, train.y));
        assertThat(model.getLabels()).containsExactly(0, 1, 2);
        assertThat(accuracy(test, model::predict)).isCloseTo(test.bayesAccuracy(), within(0.01));
        double[][] w = model.getCoefficientMatrix();
        assertThat(w[0]).containsOnly(0.0);
        for (int a = 1; a < 3; a++) {
            assertThat(w[a]).containsExactly(java.util.Arrays.copyOf(THREE[a], 3), within(0.15));
            assertThat(model.getIntercepts()[a]).isCloseTo(THREE[a][3], within(0.15));
        }
        assertThatThrownBy(model::getCoefficients).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("getCoefficientMatrix");
    }

    @Test
    void agreesWithSmile() {
        LogisticData train = new LogisticData(BINARY, 10000, 5);
        LogisticData test = new LogisticData(BINARY, 20000, 6);
        double reg = 1e-3;
        LogisticRegressionModel model = new LogisticRegression().setReg(reg).setTol(1e-10)
                .fit(Synthetic.table(LocalFlink.batch(2), train.x, train.y));
        // Smile minimises the summed log loss + lambda / 2 |w|^2: the same optimum for lambda = n reg
        Binomial reference = smile.classification.LogisticRegression
                .binomial(train.x, train.intLabels(), reg * train.x.length, 1e-10, 500);
        double[] theirs = reference.coefficients();
        double[] ours = model.getCoefficients();
        assertThat(theirs).hasSize(ours.length + 1);
        // Smile keeps the intercept last
        assertThat(model.getIntercept()).isCloseTo(theirs[ours.length], within(1e-3));
        for (int j = 0; j < ours.length; j++) {
            assertThat(ours[j]).isCloseTo(theirs[j], within(1e-3));
        }
        assertThat(accuracy(test, model::predict)).isCloseTo(accuracy(test, reference::predict), within(0.005));

        LogisticData three = new LogisticData(THREE, 10000, 7);
        LogisticRegressionModel multi = new LogisticRegression().setTol(1e-10)
                .fit(Synthetic.table(LocalFlink.batch(2), three.x, three.y));
        Multinomial smileMulti = smile.classification.LogisticRegression
                .multinomial(three.x, three.intLabels(), 0, 1e-10, 500);
        double[] posterior = new double[3];
        for (int i = 0; i < 200; i++) {
            smileMulti.predict(three.x[i], posterior);
            assertThat(multi.predictProbabilities(three.x[i])).containsExactly(posterior, within(1e-3));
        }
    }

    @Test
    void sameModelAtParallelismOneAndTwo() {
        LogisticData train = new LogisticData(THREE, 20000, 8);
        LogisticRegressionModel one = new LogisticRegression().setReg(0.01)
                .fit(Synthetic.table(LocalFlink.batch(1), train.x, train.y));
        LogisticRegressionModel two = new LogisticRegression().setReg(0.01)
                .fit(Synthetic.table(LocalFlink.batch(2), train.x, train.y));
        for (int a = 0; a < 3; a++) {
            assertThat(two.getCoefficientMatrix()[a]).containsExactly(one.getCoefficientMatrix()[a], within(1e-8));
        }
        assertThat(two.getTrainingHistory().size()).isEqualTo(one.getTrainingHistory().size());
    }

    @Test
    void labelsAreMappedInAscendingOrderAndTransformAddsItsColumns(@TempDir Path dir) throws Exception {
        LogisticData train = new LogisticData(BINARY, 3000, 9);
        double[] labels = new double[train.y.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = train.y[i] == 0 ? -1 : 7;
        }
        StreamTableEnvironment tEnv = LocalFlink.batch(2);
        LogisticRegressionModel model = new LogisticRegression().setReg(0.01).setProbabilityCol("p")
                .fit(Synthetic.table(tEnv, train.x, labels));
        assertThat(model.getLabels()).containsExactly(-1, 7);
        model.save(dir.resolve("m").toString());
        LogisticRegressionModel loaded = Stage.load(dir.resolve("m").toString());
        assertThat(loaded.getProbabilityCol()).isEqualTo("p");
        assertThat(loaded.getTrainingHistory().steps()).isEqualTo(model.getTrainingHistory().steps());
        Table out = loaded.transform(Synthetic.table(tEnv, train.x, labels))[0];
        assertThat(out.getResolvedSchema().getColumnNames()).containsExactly(
                "features", "label", "prediction", "p", "rawPrediction");
        List<Row> rows = CollectionUtil.iteratorToList(out.execute().collect());
        assertThat(rows).hasSize(3000);
        for (Row row : rows.subList(0, 300)) {
            Double[] f = (Double[]) row.getField("features");
            double[] x = new double[f.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = f[j];
            }
            double p = model.predictProbabilities(x)[1];
            assertThat((Double) row.getField("p")).isCloseTo(p, within(1e-12));
            assertThat((Double) row.getField("prediction")).isEqualTo(p > 0.5 ? 7.0 : -1.0);
            assertThat(1 / (1 + Math.exp(-(Double) row.getField("rawPrediction")))).isCloseTo(p, within(1e-12));
        }
        assertThatThrownBy(() -> CollectionUtil.iteratorToList(model.transform(
                Synthetic.table(tEnv, new double[][] {{1, 2}}, new double[] {0}))[0].execute().collect()))
                .hasStackTraceContaining("the model has 5 features");
    }

    @Test
    void multinomialTransformGivesArraysPerClass() {
        LogisticData train = new LogisticData(THREE, 2000, 10);
        StreamTableEnvironment tEnv = LocalFlink.batch(1);
        LogisticRegressionModel model = new LogisticRegression().setReg(0.01)
                .fit(Synthetic.table(tEnv, train.x, train.y));
        Table out = model.transform(Synthetic.table(tEnv, train.x, train.y))[0];
        assertThat(out.getResolvedSchema().getColumn("probability").get().getDataType().toString())
                .isEqualTo("ARRAY<DOUBLE>");
        Row first = CollectionUtil.iteratorToList(out.limit(1).execute().collect()).get(0);
        assertThat((Double[]) first.getField("probability")).hasSize(3);
        assertThat((Double[]) first.getField("rawPrediction")).hasSize(3);
    }

    @Test
    void badInputFailsClearly() {
        StreamTableEnvironment tEnv = LocalFlink.batch(1);
        double[][] x = {{1, 2}, {2, 1}, {3, 3}};
        assertThatThrownBy(() -> new LogisticRegression().fit(Synthetic.table(tEnv, x, new double[] {1, 1, 1})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label column 'label' has only one class (1.0)");
        Table empty = Synthetic.table(tEnv, x, new double[] {0, 1, 0}).where($("label").isGreater(5));
        assertThatThrownBy(() -> new LogisticRegression().fit(empty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty table");
        Table text = TestFlink.table(tEnv, new RowTypeInfo(new TypeInformation<?>[] {
            BasicArrayTypeInfo.DOUBLE_ARRAY_TYPE_INFO, Types.STRING}, new String[] {"features", "label"}),
                List.of(Row.of(new Double[] {1.0}, "yes")));
        assertThatThrownBy(() -> new LogisticRegression().fit(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label column 'label' is").hasMessageContaining("not numeric");
        Table words = TestFlink.table(tEnv, new RowTypeInfo(new TypeInformation<?>[] {Types.STRING, Types.DOUBLE},
                new String[] {"features", "label"}), List.of(Row.of("a", 1.0)));
        assertThatThrownBy(() -> new LogisticRegression().fit(words))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a vector");
    }
}
