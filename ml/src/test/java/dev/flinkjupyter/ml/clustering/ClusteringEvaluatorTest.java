package dev.flinkjupyter.ml.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flinkjupyter.ml.testing.LocalFlink;
import dev.flinkjupyter.ml.testing.Synthetic;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.Table;
import org.junit.jupiter.api.Test;

class ClusteringEvaluatorTest {
    static final double[][] CENTRES = {{0, 0}, {4, 0}, {0, 5}};
    static final double[][] POINTS = Synthetic.blobs(CENTRES, 150, 1.0, 17);

    @Test
    void inertiaSizesAndSilhouetteMatchTheirDefinitions() {
        KMeansModel model = new KMeans().setK(3).setSeed(4).fit(Synthetic.table(LocalFlink.batch(2), POINTS, null));
        int[] assigned = new int[POINTS.length];
        for (int i = 0; i < POINTS.length; i++) {
            assigned[i] = model.predict(POINTS[i]);
        }
        Table predictions = model.transform(Synthetic.table(LocalFlink.batch(2), POINTS, null))[0];

        ClusteringMetrics all = new ClusteringEvaluator().setSamplePerCluster(1000).evaluate(predictions);
        assertThat(all.clusters()).containsExactly(0, 1, 2);
        double[] sizes = new double[3];
        double[][] means = new double[3][2];
        for (int i = 0; i < POINTS.length; i++) {
            sizes[assigned[i]]++;
            means[assigned[i]][0] += POINTS[i][0];
            means[assigned[i]][1] += POINTS[i][1];
        }
        double inertia = 0;
        for (int i = 0; i < POINTS.length; i++) {
            double[] m = {means[assigned[i]][0] / sizes[assigned[i]], means[assigned[i]][1] / sizes[assigned[i]]};
            inertia += (POINTS[i][0] - m[0]) * (POINTS[i][0] - m[0]) + (POINTS[i][1] - m[1]) * (POINTS[i][1] - m[1]);
        }
        assertThat(all.sizes()).containsExactly(sizes);
        assertThat(all.inertia()).isCloseTo(inertia, within(inertia * 1e-9));
        assertThat(all.sampled()).isEqualTo(POINTS.length);
        double silhouette = fullSilhouette(assigned);
        assertThat(all.silhouette()).isCloseTo(silhouette, within(1e-9)).isBetween(0.3, 1.0);

        ClusteringMetrics sampled = new ClusteringEvaluator().setSamplePerCluster(40).evaluate(predictions);
        assertThat(sampled.sampled()).isEqualTo(120);
        assertThat(sampled.silhouette()).isCloseTo(silhouette, within(0.05));
        ClusteringMetrics again = new ClusteringEvaluator().setSamplePerCluster(40)
                .evaluate(model.transform(Synthetic.table(LocalFlink.batch(1), POINTS, null))[0]);
        assertThat(again.silhouette()).isCloseTo(sampled.silhouette(), within(1e-12));
    }

    @Test
    void anEmptyTableIsRefused() {
        Table empty = Synthetic.table(LocalFlink.batch(1), new double[][] {{1, 1}}, null)
                .filter(org.apache.flink.table.api.Expressions.$("label").isGreater(5))
                .addColumns(org.apache.flink.table.api.Expressions.lit(0).as("prediction"));
        assertThatThrownBy(() -> new ClusteringEvaluator().evaluate(empty)).hasMessageContaining("empty table");
    }

    private static double fullSilhouette(int[] assigned) {
        List<List<double[]>> byCluster = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            byCluster.add(new ArrayList<>());
        }
        for (int i = 0; i < POINTS.length; i++) {
            byCluster.get(assigned[i]).add(POINTS[i]);
        }
        double total = 0;
        for (int i = 0; i < POINTS.length; i++) {
            double a = 0;
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < 3; c++) {
                double sum = 0;
                for (double[] q : byCluster.get(c)) {
                    sum += Math.hypot(POINTS[i][0] - q[0], POINTS[i][1] - q[1]);
                }
                if (c == assigned[i]) {
                    a = sum / (byCluster.get(c).size() - 1);
                } else {
                    b = Math.min(b, sum / byCluster.get(c).size());
                }
            }
            total += (b - a) / Math.max(a, b);
        }
        return total / POINTS.length;
    }
}
