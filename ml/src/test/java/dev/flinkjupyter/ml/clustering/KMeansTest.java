package dev.flinkjupyter.ml.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flinkjupyter.ml.Stage;
import dev.flinkjupyter.ml.testing.LocalFlink;
import dev.flinkjupyter.ml.testing.Synthetic;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CollectionUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KMeansTest {
    static final double[][] TRUE_CENTRES = {{0, 0, 0}, {10, 10, 0}, {-10, 10, 5}, {5, -8, -5}};
    static final double[][] POINTS = Synthetic.blobs(TRUE_CENTRES, 250, 0.7, 11);

    @Test
    void findsWellSeparatedCentres() {
        for (String mode : List.of(KMeans.K_MEANS_PARALLEL, KMeans.K_MEANS_PLUS_PLUS)) {
            KMeansModel model = new KMeans().setK(4).setSeed(3).setInitMode(mode)
                    .fit(Synthetic.table(LocalFlink.batch(2), POINTS, null));
            double[][] found = sorted(model.getCentroids());
            double[][] truth = sorted(TRUE_CENTRES);
            for (int c = 0; c < 4; c++) {
                for (int j = 0; j < 3; j++) {
                    assertThat(found[c][j]).as(mode + " centre " + c).isCloseTo(truth[c][j], within(0.15));
                }
            }
            assertThat(model.getClusterSizes()).containsExactly(250, 250, 250, 250);
            assertThat(model.getTrainingHistory().size()).isBetween(1, 20);
        }
    }

    @Test
    void sameSeedSameCentresAtParallelismOneAndTwo() {
        double[][] skewed = Synthetic.blobs(new double[][] {{0, 0}, {3, 0}, {0, 3}, {3, 3}, {1.5, 1.5}}, 200, 1.2, 5);
        KMeans kmeans = new KMeans().setK(5).setSeed(99);
        KMeansModel one = kmeans.fit(Synthetic.table(LocalFlink.batch(1), skewed, null));
        KMeansModel two = kmeans.fit(Synthetic.table(LocalFlink.batch(2), skewed, null));
        double[][] a = one.getCentroids();
        double[][] b = two.getCentroids();
        for (int c = 0; c < a.length; c++) {
            assertThat(b[c]).containsExactly(a[c], within(1e-9));
        }
        KMeansModel otherSeed = new KMeans().setK(5).setSeed(100).setMaxIter(1)
                .fit(Synthetic.table(LocalFlink.batch(1), skewed, null));
        assertThat(otherSeed.getCentroids()).isNotEqualTo(a);
    }

    @Test
    void agreesWithSmile() {
        double[][] data = Synthetic.blobs(new double[][] {{0, 0}, {6, 1}, {2, 7}, {-5, 4}, {-3, -6}}, 400, 1.0, 21);
        KMeansModel model = new KMeans().setK(5).setSeed(1).fit(Synthetic.table(LocalFlink.batch(2), data, null));
        smile.clustering.KMeans reference = smile.clustering.KMeans.fit(data, 5, 100, 1e-6);
        double inertia = 0;
        for (double[] p : data) {
            inertia += Centroids.nearestSquaredDistance(p, 0, Centroids.flatten(model.getCentroids()), 5, 2);
        }
        assertThat(inertia).isCloseTo(reference.distortion, within(reference.distortion * 0.01));
        double[][] ours = sorted(model.getCentroids());
        double[][] theirs = sorted(reference.centroids);
        for (int c = 0; c < 5; c++) {
            assertThat(ours[c]).containsExactly(theirs[c], within(0.05));
        }
    }

    @Test
    void transformAddsTheNearestCentreAndSurvivesSaveAndLoad(@TempDir Path dir) throws Exception {
        StreamTableEnvironment tEnv = LocalFlink.batch(1);
        Table points = Synthetic.table(tEnv, POINTS, null);
        KMeansModel model = new KMeans().setK(4).setSeed(3).fit(points);
        model.save(dir.resolve("m").toString());
        KMeansModel loaded = Stage.load(dir.resolve("m").toString());
        assertThat(loaded.getCentroids()).isEqualTo(model.getCentroids());
        List<Row> rows = CollectionUtil.iteratorToList(loaded.transform(points)[0].execute().collect());
        assertThat(rows).hasSize(POINTS.length);
        for (Row row : rows) {
            Double[] f = (Double[]) row.getField("features");
            double[] x = Arrays.stream(f).mapToDouble(Double::doubleValue).toArray();
            assertThat(row.getField("prediction")).isEqualTo(model.predict(x));
        }
    }

    @Test
    void badInputsSayWhatWasWrong() {
        StreamTableEnvironment tEnv = LocalFlink.batch(1);
        Table three = Synthetic.table(tEnv, new double[][] {{1, 2}, {3, 4}, {5, 6}}, null);
        assertThatThrownBy(() -> new KMeans().setK(4).fit(three))
                .hasMessageContaining("k = 4 is larger than the 3 rows");
        assertThatThrownBy(() -> new KMeans().fit(three.filter(org.apache.flink.table.api.Expressions.$("label")
                .isGreater(1))))
                .hasMessageContaining("empty table");
        Table named = tEnv.fromValues(DataTypes.ROW(DataTypes.FIELD("name", DataTypes.STRING()),
                DataTypes.FIELD("x", DataTypes.DOUBLE())), Row.of("a", 1.0));
        assertThatThrownBy(() -> new KMeans().setFeaturesCol("name").fit(named))
                .hasMessageContaining("'name' is")
                .hasMessageContaining("name STRING")
                .hasMessageContaining("x DOUBLE");
        assertThatThrownBy(() -> new KMeans().setFeaturesCol("nope").fit(named))
                .hasMessageContaining("unknown features column 'nope'");
        assertThatThrownBy(() -> new KMeans().setParam("initMode", "random"))
                .hasMessageContaining("k-means||");
    }

    static double[][] sorted(double[][] centres) {
        double[][] copy = Arrays.stream(centres).map(double[]::clone).toArray(double[][]::new);
        Arrays.sort(copy, Comparator.<double[]>comparingDouble(c -> c[0]).thenComparingDouble(c -> c[1]));
        return copy;
    }
}
