package dev.flinkjupyter.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flinkjupyter.ml.classification.LinearSVCModel;
import dev.flinkjupyter.ml.classification.LogisticRegressionModel;
import dev.flinkjupyter.ml.classification.NaiveBayesModel;
import dev.flinkjupyter.ml.classification.OnlineLogisticRegressionModel;
import dev.flinkjupyter.ml.clustering.KMeansModel;
import dev.flinkjupyter.ml.regression.LinearRegressionModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models saved by an earlier build (the directories under {@code saved-models/} in the test
 * resources) still load, predict what their values say, and save again to the same files.
 */
class SavedModelsTest {
    @TempDir
    Path temp;

    @Test
    void gaussianNaiveBayes() throws Exception {
        NaiveBayesModel model = loadAndResave("naive-bayes-gaussian");
        assertThat(model.getModelType()).isEqualTo("gaussian");
        assertThat(model.getPredictionCol()).isEqualTo("guess");
        assertThat(model.getPriors()).containsExactly(3.0 / 8, 5.0 / 8);
        assertThat(model.predict(1, 2)).isEqualTo(0.0);
        assertThat(model.predict(3, 4)).isEqualTo(1.0);
        assertThat(model).hasToString("NaiveBayesModel[gaussian, classes [0.0, 1.0], 2 features]");
    }

    @Test
    void multinomialNaiveBayes() throws Exception {
        NaiveBayesModel model = loadAndResave("naive-bayes-multinomial");
        // class 2 favours the second feature, class 3 the first (smoothed counts 2:5 and 13:5)
        assertThat(model.predict(0, 3)).isEqualTo(2.0);
        assertThat(model.predict(3, 0)).isEqualTo(3.0);
        assertThat(model.getLogTheta()[0]).containsExactly(new double[] {Math.log(0.75), Math.log(0.25)},
                within(1e-12));
    }

    @Test
    void binaryLogisticRegression() throws Exception {
        LogisticRegressionModel model = loadAndResave("logistic-regression-binary");
        assertThat(model.getProbabilityCol()).isEqualTo("p");
        assertThat(model.getCoefficients()).containsExactly(0.5, -1.5);
        assertThat(model.getIntercept()).isEqualTo(0.25);
        assertThat(model.predictProbabilities(1, 0)[1]).isCloseTo(1 / (1 + Math.exp(-0.75)), within(1e-12));
        assertThat(model.predict(0, 1)).isEqualTo(0.0);
        assertThat(model.getTrainingHistory().steps()).extracting(TrainingHistory.Step::loss).containsExactly(0.69, 0.4);
        assertThat(model.isConverged()).isTrue();
    }

    @Test
    void multiclassLogisticRegression() throws Exception {
        LogisticRegressionModel model = loadAndResave("logistic-regression-multiclass");
        assertThat(model.predict(1, 1)).isEqualTo(3.0);
        assertThat(model.predict(0, 0)).isEqualTo(2.0);
        assertThat(model.getIntercepts()).containsExactly(0, 0.25, -1);
        assertThat(model.getSolverNote()).isEqualTo("pseudo-inverse at step 2");
        assertThat(model).hasToString("LogisticRegressionModel[classes [1.0, 2.0, 3.0], 2 features]");
    }

    @Test
    void linearSvc() throws Exception {
        LinearSVCModel model = loadAndResave("linear-svc");
        assertThat(model.margin(1, 1)).isEqualTo(1.125);
        assertThat(model.predict(1, 1)).isEqualTo(1.0);
        assertThat(model.predict(0, 1)).isEqualTo(0.0);
        assertThat(model.getTrainingHistory().steps()).extracting(TrainingHistory.Step::metric)
                .containsExactly(0.5, 0.75);
    }

    @Test
    void linearRegression() throws Exception {
        LinearRegressionModel model = loadAndResave("linear-regression");
        assertThat(model.getFeaturesCol()).isEqualTo("x");
        assertThat(model.predict(1, 1)).isEqualTo(-0.5);
        assertThat(model.getSummary().rows()).isEqualTo(10);
        assertThat(model).hasToString("LinearRegressionModel[2 features, intercept 0.5]");
    }

    @Test
    void onlineLogisticRegression() throws Exception {
        OnlineLogisticRegressionModel model = loadAndResave("online-logistic-regression");
        assertThat(model.predictProbability(0, 0)).isCloseTo(1 / (1 + Math.exp(-0.1)), within(1e-12));
        assertThat(model.getCoefficients()).containsExactly(0.75, -0.25);
    }

    @Test
    void kMeans() throws Exception {
        KMeansModel model = loadAndResave("k-means");
        assertThat(model.predict(4, 4)).isEqualTo(1);
        assertThat(model.getClusterSizes()).containsExactly(4, 6);
    }

    /** Loads the saved model, saves it again, and checks that its data and parameters come out as they were. */
    private <M extends Stage<?>> M loadAndResave(String name) throws Exception {
        Path saved = Path.of(getClass().getResource("/saved-models/" + name).toURI());
        M model = Stage.load(saved.toString());
        Path again = temp.resolve(name);
        model.save(again.toString());
        assertThat(again.resolve(ModelData.FILE)).hasSameTextualContentAs(saved.resolve(ModelData.FILE));
        assertThat(params(again)).isEqualTo(params(saved));
        return model;
    }

    private static JsonObject params(Path dir) throws Exception {
        return JsonParser.parseString(Files.readString(dir.resolve("metadata.json"))).getAsJsonObject()
                .getAsJsonObject("params");
    }
}
