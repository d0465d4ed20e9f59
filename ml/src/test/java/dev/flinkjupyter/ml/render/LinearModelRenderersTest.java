package dev.flinkjupyter.ml.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.display.Renderers;
import dev.flinkjupyter.ml.TrainingHistory;
import dev.flinkjupyter.ml.classification.LinearSVC;
import dev.flinkjupyter.ml.classification.LogisticRegression;
import dev.flinkjupyter.ml.classification.LogisticRegressionModel;
import dev.flinkjupyter.ml.regression.LinearRegressionModel;
import dev.flinkjupyter.ml.testing.LocalFlink;
import dev.flinkjupyter.ml.testing.Synthetic;
import java.util.List;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.junit.jupiter.api.Test;

class LinearModelRenderersTest {
    private final Renderers renderers = Renderers.withInstalledProviders();
    static final double[][] X = {{0, 1}, {1, 0}, {2, 2}, {3, 1}, {0.5, 2}, {2.5, 0}, {1, 1.5}, {3, 3}, {0, 0}};

    @Test
    void aLinearRegressionShowsACoefficientPerFeatureIndexAndItsFit() {
        LinearRegressionModel model = new LinearRegressionModel(new double[] {0.25, -3}, 0.5,
                new LinearRegressionModel.Summary(100, 100, 1.5, 0.875, "the matrix is singular"));
        String html = (String) renderers.render(model).get(MimeBundle.HTML);
        assertThat(html).contains("x0", "0.25", "x1", "-3.0", "intercept", "0.5", "RMSE 1.5", "R2 0.875",
                "100 training rows", "the matrix is singular");
    }

    @Test
    void logisticAndSvmModelsShowTheirCoefficientsPerClass() {
        StreamTableEnvironment tEnv = LocalFlink.batch(1);
        double[] three = {0, 1, 2, 1, 0, 2, 1, 2, 0};
        LogisticRegressionModel multi = new LogisticRegression().setReg(0.1).fit(Synthetic.table(tEnv, X, three));
        String html = (String) renderers.render(multi).get(MimeBundle.HTML);
        assertThat(html).contains("3 classes", "label 1.0", "label 2.0", "x0", "x1", "intercept",
                "relative to label 0.0", String.valueOf(multi.getCoefficientMatrix()[2][1]));
        double[] two = {0, 1, 1, 1, 0, 1, 0, 1, 0};
        LogisticRegressionModel binary = new LogisticRegression().setReg(0.1).fit(Synthetic.table(tEnv, X, two));
        assertThat((String) renderers.render(binary).get(MimeBundle.HTML))
                .contains("log-odds of label 1.0", String.valueOf(binary.getCoefficients()[0]));
        assertThat((String) renderers.render(new LinearSVC().setReg(0.1).fit(Synthetic.table(tEnv, X, two)))
                .get(MimeBundle.HTML)).contains("LinearSVCModel: 2 features", "Newton steps");
    }

    @Test
    void aTrainingHistoryIsALossCurve() {
        TrainingHistory history = new TrainingHistory("log loss + L2", "training accuracy", List.of(
                new TrainingHistory.Step(1, 0.69, 0.5), new TrainingHistory.Step(2, 0.41, 0.81),
                new TrainingHistory.Step(3, 0.375, 0.86)));
        MimeBundle bundle = renderers.render(history);
        assertThat(bundle.data()).containsKey(MimeBundle.PNG);
        assertThat((String) bundle.get(MimeBundle.TEXT)).contains("3 iterations", "2\t0.41\t0.81", "3\t0.375\t0.86");
        assertThat((String) renderers.render(TrainingHistory.EMPTY).get(MimeBundle.TEXT)).contains("closed form");
    }
}
