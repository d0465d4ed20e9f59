package dev.flinkjupyter.ml.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flinkjupyter.ml.Stage;
import dev.flinkjupyter.ml.testing.LocalFlink;
import dev.flinkjupyter.ml.testing.Synthetic;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CollectionUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.stat.distribution.Distribution;
import smile.stat.distribution.GaussianDistribution;

class NaiveBayesTest {
    static final double[][] X = {{1, 2}, {2, 4}, {3, 3}, {6, 1}, {7, 2}, {8, 0}, {9, 1}, {4, 9}, {5, 8}};
    static final double[] Y = {0, 0, 0, 1, 1, 1, 1, 2, 2};

    @Test
    void gaussianMatchesItsClosedForm() {
        NaiveBayesModel model = new NaiveBayes().setVarSmoothing(0)
                .fit(Synthetic.table(LocalFlink.batch(2), X, Y));
        assertThat(model.getLabels()).containsExactly(0, 1, 2);
        assertThat(model.getPriors()).containsExactly(new double[] {3 / 9.0, 4 / 9.0, 2 / 9.0}, within(1e-12));
        double[][] means = new double[3][2];
        double[][] variances = new double[3][2];
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < 2; j++) {
                double sum = 0;
                double n = 0;
                for (int i = 0; i < X.length; i++) {
                    if (Y[i] == c) {
                        sum += X[i][j];
                        n++;
                    }
                }
                means[c][j] = sum / n;
                double squares = 0;
                for (int i = 0; i < X.length; i++) {
                    if (Y[i] == c) {
                        squares += (X[i][j] - means[c][j]) * (X[i][j] - means[c][j]);
                    }
                }
                variances[c][j] = squares / n;
            }
        }
        for (int c = 0; c < 3; c++) {
            assertThat(model.getMeans()[c]).containsExactly(means[c], within(1e-12));
            assertThat(model.getVariances()[c]).containsExactly(variances[c], within(1e-12));
        }
        double[] point = {5, 3};
        double[] joint = new double[3];
        double total = 0;
        for (int c = 0; c < 3; c++) {
            double p = model.getPriors()[c];
            for (int j = 0; j < 2; j++) {
                double d = point[j] - means[c][j];
                p *= Math.exp(-d * d / (2 * variances[c][j])) / Math.sqrt(2 * Math.PI * variances[c][j]);
            }
            joint[c] = p;
            total += p;
        }
        for (int c = 0; c < 3; c++) {
            joint[c] /= total;
        }
        assertThat(model.predictProbabilities(point)).containsExactly(joint, within(1e-9));
        assertThat(model.predict(point)).isEqualTo(1.0);
    }

    @Test
    void multinomialMatchesItsClosedForm() {
        double[][] counts = {{3, 0, 1}, {2, 1, 0}, {0, 2, 5}, {1, 3, 4}};
        double[] labels = {7, 7, 9, 9};
        NaiveBayesModel model = new NaiveBayes().setModelType("multinomial").setSmoothing(0.5)
                .fit(Synthetic.table(LocalFlink.batch(1), counts, labels));
        // class 7 totals 5,1,1 (7 in all); class 9 totals 1,5,9 (15 in all)
        assertThat(model.getLogTheta()[0]).containsExactly(new double[] {
            Math.log(5.5 / 8.5), Math.log(1.5 / 8.5), Math.log(1.5 / 8.5)}, within(1e-12));
        assertThat(model.getLogTheta()[1]).containsExactly(new double[] {
            Math.log(1.5 / 16.5), Math.log(5.5 / 16.5), Math.log(9.5 / 16.5)}, within(1e-12));
        assertThat(model.predict(4, 0, 1)).isEqualTo(7.0);
        assertThat(model.predict(0, 1, 3)).isEqualTo(9.0);
    }

    @Test
    void accuracyAgreesWithSmileOnHeldOutData(@TempDir Path dir) throws Exception {
        Random random = new Random(8);
        int n = 3000;
        double[][] x = new double[n][3];
        double[] y = new double[n];
        double[][] centre = {{0, 0, 0}, {1.5, 1, -0.5}};
        double[][] spread = {{1, 2, 1}, {1.5, 1, 0.7}};
        for (int i = 0; i < n; i++) {
            int c = random.nextDouble() < 0.4 ? 1 : 0;
            y[i] = c;
            for (int j = 0; j < 3; j++) {
                x[i][j] = centre[c][j] + spread[c][j] * random.nextGaussian();
            }
        }
        int train = 2000;
        StreamTableEnvironment tEnv = LocalFlink.batch(2);
        NaiveBayesModel model = new NaiveBayes()
                .fit(Synthetic.table(tEnv, java.util.Arrays.copyOf(x, train), java.util.Arrays.copyOf(y, train)));

        Distribution[][] conditional = new Distribution[2][3];
        double[] priors = new double[2];
        for (int c = 0; c < 2; c++) {
            final int cls = c;
            long count = java.util.stream.IntStream.range(0, train).filter(i -> y[i] == cls).count();
            priors[c] = count / (double) train;
            for (int j = 0; j < 3; j++) {
                final int feature = j;
                double[] column = java.util.stream.IntStream.range(0, train).filter(i -> y[i] == cls)
                        .mapToDouble(i -> x[i][feature]).toArray();
                conditional[c][j] = GaussianDistribution.fit(column);
            }
        }
        smile.classification.NaiveBayes reference = new smile.classification.NaiveBayes(priors, conditional);

        model.save(dir.resolve("nb").toString());
        NaiveBayesModel loaded = Stage.load(dir.resolve("nb").toString());
        Table test = Synthetic.table(tEnv, java.util.Arrays.copyOfRange(x, train, n),
                java.util.Arrays.copyOfRange(y, train, n));
        List<Row> rows = CollectionUtil.iteratorToList(loaded.transform(test)[0].execute().collect());
        int ours = 0;
        for (Row row : rows) {
            ours += (double) row.getField("label") == (double) row.getField("prediction") ? 1 : 0;
            Double[] p = (Double[]) row.getField("probability");
            assertThat(p[0] + p[1]).isCloseTo(1.0, within(1e-9));
        }
        int theirs = 0;
        for (int i = train; i < n; i++) {
            theirs += reference.predict(x[i]) == (int) y[i] ? 1 : 0;
        }
        double accuracy = ours / (double) (n - train);
        assertThat(rows).hasSize(n - train);
        assertThat(accuracy).isGreaterThan(0.7).isCloseTo(theirs / (double) (n - train), within(0.005));
    }

    @Test
    void badInputsSayWhatWasWrong() {
        StreamTableEnvironment tEnv = LocalFlink.batch(1);
        assertThatThrownBy(() -> new NaiveBayes().fit(Synthetic.table(tEnv, X, new double[X.length])))
                .hasMessageContaining("only one class (0.0)");
        double[][] negative = {{1, -2}, {3, 4}};
        assertThatThrownBy(() -> new NaiveBayes().setModelType("multinomial")
                .fit(Synthetic.table(tEnv, negative, new double[] {0, 1})))
                .hasMessageContaining("non-negative").hasMessageContaining("-2.0");
        assertThatThrownBy(() -> new NaiveBayes().setLabelCol("nope").fit(Synthetic.table(tEnv, X, Y)))
                .hasMessageContaining("unknown label column 'nope'").hasMessageContaining("features ARRAY<DOUBLE>");
    }
}
