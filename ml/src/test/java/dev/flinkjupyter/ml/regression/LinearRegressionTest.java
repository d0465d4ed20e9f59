package dev.flinkjupyter.ml.regression;

import static org.apache.flink.table.api.Expressions.$;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flinkjupyter.ml.Stage;
import dev.flinkjupyter.ml.TestFlink;
import dev.flinkjupyter.ml.evaluation.RegressionEvaluator;
import dev.flinkjupyter.ml.evaluation.RegressionMetrics;
import dev.flinkjupyter.ml.testing.LocalFlink;
import dev.flinkjupyter.ml.testing.Synthetic;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CollectionUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.regression.LinearModel;
import smile.regression.OLS;

class LinearRegressionTest {
    static final double[] TRUE_COEFFICIENTS = {1.5, -2.0, 0.5};
    static final double TRUE_INTERCEPT = 3.0;

    /** Rows of three standard normal features and y = x . TRUE + 3 + noise(sd). */
    static double[][] features(int n, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][3];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return x;
    }

    static double[] labels(double[][] x, double sd, long seed) {
        Random random = new Random(seed);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = TRUE_INTERCEPT + sd * random.nextGaussian();
            for (int j = 0; j < TRUE_COEFFICIENTS.length; j++) {
                y[i] += TRUE_COEFFICIENTS[j] * x[i][j];
            }
        }
        return y;
    }

    @Test
    void recoversTheCoefficientsOfSyntheticData() {
        double[][] x = features(5000, 1);
        double[] y = labels(x, 0.1, 2);
        LinearRegressionModel model = new LinearRegression().fit(Synthetic.table(LocalFlink.batch(2), x, y));
        assertThat(model.getCoefficients()).containsExactly(TRUE_COEFFICIENTS, within(0.01));
        assertThat(model.getIntercept()).isCloseTo(TRUE_INTERCEPT, within(0.01));
        assertThat(model.getSummary().rows()).isEqualTo(5000);
        assertThat(model.getSummary().trainingRmse()).isCloseTo(0.1, within(0.01));
        assertThat(model.getSummary().trainingR2()).isGreaterThan(0.99);
        assertThat(model.getSolverNote()).isEmpty();
        assertThat(model.getTrainingHistory().size()).isZero();
    }

    @Test
    void theEvaluatorFindsTheTrainingFitTheModelReports() {
        double[][] x = features(3000, 15);
        double[] y = labels(x, 0.7, 16);
        StreamTableEnvironment tEnv = LocalFlink.batch(2);
        LinearRegressionModel model = new LinearRegression().setReg(0.05).fit(Synthetic.table(tEnv, x, y));
        RegressionMetrics metrics = new RegressionEvaluator()
                .evaluate(model.transform(Synthetic.table(tEnv, x, y))[0]);
        assertThat(metrics.rmse()).isCloseTo(model.getSummary().trainingRmse(), within(1e-9));
        assertThat(metrics.r2()).isCloseTo(model.getSummary().trainingR2(), within(1e-9));
    }

    @Test
    void agreesWithSmileOrdinaryLeastSquares() {
        double[][] x = features(3000, 3);
        double[] y = labels(x, 1.0, 4);
        LinearRegressionModel model = new LinearRegression().fit(Synthetic.table(LocalFlink.batch(2), x, y));
        double[][] frame = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            frame[i] = new double[] {x[i][0], x[i][1], x[i][2], y[i]};
        }
        LinearModel smile = OLS.fit(Formula.lhs("y"), DataFrame.of(frame, "a", "b", "c", "y"));
        assertThat(model.getIntercept()).isCloseTo(smile.intercept(), within(1e-8));
        assertThat(model.getCoefficients()).containsExactly(smile.coefficients(), within(1e-8));
        assertThat(model.getSummary().trainingR2()).isCloseTo(smile.RSquared(), within(1e-8));
    }

    @Test
    void ridgeSolutionZeroesTheGradientOfItsObjective() {
        double[][] x = features(2000, 5);
        double[] y = labels(x, 0.5, 6);
        double reg = 0.3;
        LinearRegressionModel model = new LinearRegression().setReg(reg)
                .fit(Synthetic.table(LocalFlink.batch(2), x, y));
        double[] b = model.getCoefficients();
        double c = model.getIntercept();
        // d/db [sum (y - xb - c)^2 / 2n + reg/2 |b|^2] = -X'(r)/n + reg b; d/dc = -sum(r)/n
        double[] gradient = new double[4];
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - c;
            for (int j = 0; j < 3; j++) {
                r -= b[j] * x[i][j];
            }
            for (int j = 0; j < 3; j++) {
                gradient[j] -= r * x[i][j] / x.length;
            }
            gradient[3] -= r / x.length;
        }
        for (int j = 0; j < 3; j++) {
            gradient[j] += reg * b[j];
        }
        assertThat(gradient).containsExactly(new double[4], within(1e-9));
        // the penalty shrinks the coefficients, not the intercept
        assertThat(Math.abs(b[0])).isLessThan(1.5 / (1 + reg) + 0.05).isGreaterThan(1.5 / (1 + reg) - 0.05);
        assertThat(c).isCloseTo(TRUE_INTERCEPT, within(0.05));
    }

    @Test
    void sameModelAtParallelismOneAndTwo() {
        double[][] x = features(20000, 7);
        double[] y = labels(x, 1.0, 8);
        LinearRegressionModel one = new LinearRegression().fit(Synthetic.table(LocalFlink.batch(1), x, y));
        LinearRegressionModel two = new LinearRegression().fit(Synthetic.table(LocalFlink.batch(2), x, y));
        assertThat(two.getCoefficients()).containsExactly(one.getCoefficients(), within(1e-10));
        assertThat(two.getIntercept()).isCloseTo(one.getIntercept(), within(1e-10));
    }

    @Test
    void withoutInterceptTheResidualsAreOrthogonalToTheFeaturesOnly() {
        double[][] x = features(1000, 9);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 2 * x[i][0] + 5 + 0.1 * x[i][1] * x[i][1];
        }
        LinearRegressionModel model = new LinearRegression().setFitIntercept(false)
                .fit(Synthetic.table(LocalFlink.batch(2), x, y));
        assertThat(model.getIntercept()).isZero();
        double[] xr = new double[3];
        double residualSum = 0;
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - model.predict(x[i]);
            residualSum += r;
            for (int j = 0; j < 3; j++) {
                xr[j] += x[i][j] * r;
            }
        }
        assertThat(xr).containsExactly(new double[3], within(1e-8));
        // the constant 5 is not absorbed, so the residuals do not sum to zero as they would with an intercept
        assertThat(residualSum / x.length).isGreaterThan(4);
    }

    @Test
    void aDuplicatedFeatureIsSolvedByThePseudoInverseWithANote() {
        double[][] x = features(1000, 11);
        double[] y = labels(x, 0.1, 12);
        for (double[] row : x) {
            row[2] = row[1];
        }
        for (int i = 0; i < x.length; i++) {
            y[i] = 1 + x[i][0] + 2 * x[i][1];
        }
        LinearRegressionModel model = new LinearRegression().fit(Synthetic.table(LocalFlink.batch(2), x, y));
        assertThat(model.getSolverNote()).contains("singular").contains("pseudo-inverse");
        // minimum norm splits the weight of the two equal columns evenly
        assertThat(model.getCoefficients()).containsExactly(new double[] {1, 1, 1}, within(1e-6));
        assertThat(model.predict(1, 2, 2)).isCloseTo(6, within(1e-6));
    }

    @Test
    void saveAndLoadGiveTheSamePredictions(@TempDir Path dir) throws Exception {
        double[][] x = features(500, 13);
        double[] y = labels(x, 0.3, 14);
        StreamTableEnvironment tEnv = LocalFlink.batch(2);
        LinearRegressionModel model = new LinearRegression().setPredictionCol("yhat")
                .fit(Synthetic.table(tEnv, x, y));
        model.save(dir.resolve("m").toString());
        LinearRegressionModel loaded = Stage.load(dir.resolve("m").toString());
        assertThat(loaded.getPredictionCol()).isEqualTo("yhat");
        assertThat(loaded.getCoefficients()).containsExactly(model.getCoefficients());
        assertThat(loaded.getSummary()).isEqualTo(model.getSummary());
        Table out = loaded.transform(Synthetic.table(tEnv, x, y))[0];
        List<Row> rows = CollectionUtil.iteratorToList(out.execute().collect());
        assertThat(rows).hasSize(500);
        for (Row row : rows) {
            Double[] f = (Double[]) row.getField("features");
            double expected = model.predict(f[0], f[1], f[2]);
            assertThat((Double) row.getField("yhat")).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void anEmptyTableFailsClearly() {
        StreamTableEnvironment tEnv = LocalFlink.batch(2);
        Table empty = Synthetic.table(tEnv, features(10, 1), new double[10]).where($("label").isGreater(1));
        assertThatThrownBy(() -> new LinearRegression().fit(empty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty table");
    }

    @Test
    void aNonNumericFeatureColumnFailsNamingTheColumns() {
        StreamTableEnvironment tEnv = LocalFlink.batch(1);
        Table table = TestFlink.table(tEnv, new RowTypeInfo(new TypeInformation<?>[] {Types.STRING, Types.DOUBLE},
                new String[] {"features", "label"}), List.of(Row.of("a", 1.0)));
        assertThatThrownBy(() -> new LinearRegression().fit(table))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("features column 'features'").hasMessageContaining("not a vector")
                .hasMessageContaining("label DOUBLE");
        assertThatThrownBy(() -> new LinearRegression().setLabelCol("features").setFeaturesCol("x").fit(table))
                .hasMessageContaining("unknown features column 'x'");
    }
}
