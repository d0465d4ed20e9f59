package dev.flinkjupyter.ml.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.display.Renderers;
import dev.flinkjupyter.ml.classification.OnlineLogisticRegressionModel;
import dev.flinkjupyter.ml.clustering.ClusteringMetrics;
import dev.flinkjupyter.ml.clustering.KMeansModel;
import org.junit.jupiter.api.Test;

class MlRenderersTest {
    private final Renderers renderers = Renderers.withInstalledProviders();

    @Test
    void aKMeansModelShowsItsCentresAsATable() {
        MimeBundle bundle = renderers.render(new KMeansModel(new double[][] {{1.5, -2}, {30, 40.25}}, new double[] {7, 9}));
        String html = (String) bundle.get(MimeBundle.HTML);
        assertThat(html).contains("KMeansModel: 2 centres of 2 features", "cluster", "size", "x0", "x1", "40.25", "1.5");
        assertThat((String) bundle.get(MimeBundle.TEXT)).contains("40.25").contains("2 centres");
    }

    @Test
    void aLogisticModelShowsItsCoefficientsAndClusteringMetricsTheirSizes() {
        String coefficients = (String) renderers.render(new OnlineLogisticRegressionModel(new double[] {0.25, -3}, 0.5))
                .get(MimeBundle.HTML);
        assertThat(coefficients).contains("x0", "0.25", "x1", "-3.0", "intercept", "0.5");
        String metrics = (String) renderers.render(new ClusteringMetrics(12.5, new int[] {0, 1}, new double[] {3, 4},
                0.75, 7)).get(MimeBundle.HTML);
        assertThat(metrics).contains("inertia 12.5", "silhouette 0.75", "7 sampled rows");
    }
}
