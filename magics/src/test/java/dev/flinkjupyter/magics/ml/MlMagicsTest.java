package dev.flinkjupyter.magics.ml;

import dev.flinkjupyter.display.Display;
import dev.flinkjupyter.display.DisplayOutput;
import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.display.Renderers;
import dev.flinkjupyter.magics.MagicCall;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Magics;
import dev.flinkjupyter.magics.TestSession;
import dev.flinkjupyter.ml.clustering.KMeansModel;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** {@code %train}, {@code %predict} and {@code %evaluate} on a real engine, as the kernel calls them. */
class MlMagicsTest {
    private static final Magics MAGICS = Magics.load();
    private static final List<MimeBundle> SHOWN = new ArrayList<>();
    private static TestSession session;

    @BeforeAll
    static void start() throws Exception {
        Renderers renderers = Renderers.withInstalledProviders();
        Display.install(renderers, new DisplayOutput() {
            @Override
            public void show(MimeBundle bundle, String displayId) {
                SHOWN.add(bundle);
            }

            @Override
            public void update(MimeBundle bundle, String displayId) {
                SHOWN.add(bundle);
            }

            @Override
            public void clear(boolean wait) {
            }
        });
        session = new TestSession();
        // Three well separated clusters of 20 points each, around (0,0), (10,0) and (0,10); the
        // label is the cluster, and `name` is a string column.
        Random random = new Random(7);
        StringBuilder values = new StringBuilder();
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 20; i++) {
                values.append(values.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "(%.4f, %.4f, %d, 'p%d')",
                        centres[c][0] + random.nextGaussian() * 0.5, centres[c][1] + random.nextGaussian() * 0.5, c, i));
            }
        }
        session.engine().sql().execute("CREATE TEMPORARY VIEW points (x, y, cluster, name) AS VALUES " + values);
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @BeforeEach
    void clear() {
        SHOWN.clear();
    }

    private static Object run(String name, String arguments) throws Exception {
        return MAGICS.run(session, new MagicCall(name, false, arguments, "", 1));
    }

    private static String shownText() {
        StringBuilder text = new StringBuilder();
        SHOWN.forEach(b -> text.append(b.get(MimeBundle.TEXT)).append('\n'));
        return text.toString();
    }

    @Test
    void kmeansFindsTheCentresBindsTheModelAndShowsClusterMetrics() throws Exception {
        run("train", "kmeans --table points --features x,y --param k=3 --as clusters");
        TrainedModel model = (TrainedModel) session.value("clusters").orElseThrow();
        assertThat(session.variables()).containsEntry("clusters", TrainedModel.class.getName());
        double[][] found = ((KMeansModel) model.model()).getCentroids().clone();
        Arrays.sort(found, Comparator.comparingLong((double[] c) -> Math.round(c[0]) * 100 + Math.round(c[1])));
        String centres = Arrays.deepToString(found);
        assertThat(found).as(centres).hasNumberOfRows(3);
        assertThat(found[0][0]).as(centres).isCloseTo(0, within(0.5));
        assertThat(found[0][1]).as(centres).isCloseTo(0, within(0.5));
        assertThat(found[1][1]).as(centres).isCloseTo(10, within(0.5));
        assertThat(found[2][0]).as(centres).isCloseTo(10, within(0.5));
        String text = shownText();
        assertThat(text).contains("kmeans from 2 features", "x0 = x, x1 = y", "scored on training rows");
        assertThat(SHOWN.stream().anyMatch(b -> b.get(MimeBundle.PNG) != null)).as("the cluster sizes chart").isTrue();
    }

    @Test
    void predictRegistersAViewAndEvaluateScoresIt() throws Exception {
        run("train", "kmeans --table points --features x,y --param k=3 --as clusters2");
        run("predict", "clusters2 --table points --as assigned");
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = session.engine().tableEnvironment()
                .sqlQuery("SELECT prediction, COUNT(*) FROM assigned GROUP BY prediction").execute().collect()) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(r.getField(1)).isEqualTo(20L));
        SHOWN.clear();
        run("evaluate", "clusters2 --table points");
        assertThat(shownText()).contains("scored on points", "inertia");
    }

    @Test
    void naiveBayesLearnsTheLabelledClusters() throws Exception {
        run("train", "naive-bayes --table points --features x,y --label cluster --as bayes");
        assertThat(shownText()).contains("accuracy");
        run("predict", "bayes --table points --as labelled");
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = session.engine().tableEnvironment()
                .sqlQuery("SELECT COUNT(*) FROM labelled WHERE prediction = cluster").execute().collect()) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows.get(0).getField(0)).isEqualTo(60L);
    }

    @Test
    void linearModelsTrainScoreAndShowTheirCurves() throws Exception {
        session.engine().sql().execute("CREATE TEMPORARY VIEW binary_points AS SELECT x, y, CASE WHEN cluster = 1 THEN 1 ELSE 0 END AS"
                + " far_right, 3 * x - 2 * y + 1 AS z FROM points");
        run("train", "logistic-regression --table binary_points --features x,y --label far_right --as logit");
        String text = shownText();
        assertThat(text).contains("logistic-regression predicting far_right", "accuracy", "areaUnderROC", "per iteration");
        assertThat(session.value("logit").orElseThrow()).isInstanceOf(TrainedModel.class);
        SHOWN.clear();
        run("train", "linear-regression --table binary_points --features x,y --label z --as line");
        assertThat(shownText()).contains("rmse");
        SHOWN.clear();
        run("train", "linear-svc --table binary_points --features x,y --label far_right --param reg=0.1 --as svc");
        assertThat(shownText()).contains("accuracy");
        session.engine().sql().execute("CREATE TEMPORARY VIEW one_class AS SELECT x, y, 1 AS label FROM points");
        assertThatThrownBy(() -> run("train", "logistic-regression --table one_class --features x,y --label label"))
                .isInstanceOf(MagicException.class)
                .hasMessageContaining("logistic-regression on one_class: ")
                .hasMessageContaining("class");
    }

    @Test
    void aTestFractionScoresOnHeldOutRows() throws Exception {
        run("train", "naive-bayes --table points --features x,y --label cluster --test-fraction 0.25 --as held");
        assertThat(shownText()).contains("scored on held-out 25% of points", "accuracy", "confusion");
        assertThatThrownBy(() -> run("train", "naive-bayes --table points --features x,y --label cluster --test-fraction 1.5"))
                .hasMessageContaining("--test-fraction 1.5: give a fraction between 0 and 1");
        assertThatThrownBy(() -> run("train", "naive-bayes --table points --features x --label cluster --test t --test-fraction 0.2"))
                .hasMessageContaining("mutually exclusive");
    }

    @Test
    void badInputSaysWhatWasWrong() {
        assertThatThrownBy(() -> run("train", "forest --table points --features x"))
                .isInstanceOf(MagicException.class)
                .hasMessageContaining("unknown algorithm 'forest'; known: ")
                .hasMessageContaining("kmeans");
        assertThatThrownBy(() -> run("train", "kmeans --table points --features x,z"))
                .hasMessageContaining("unknown feature column 'z'; the table has x DECIMAL");
        assertThatThrownBy(() -> run("train", "kmeans --table points --features x,name"))
                .hasMessageContaining("feature column 'name' is ").hasMessageContaining(", not numeric");
        assertThatThrownBy(() -> run("train", "naive-bayes --table points --features x,y"))
                .hasMessageContaining("naive-bayes needs --label COL");
        assertThatThrownBy(() -> run("train", "kmeans --table nowhere --features x"))
                .hasMessageContaining("unknown table 'nowhere'; tables: ")
                .hasMessageContaining("points");
        assertThatThrownBy(() -> run("train", "kmeans --table points --features x,y --param k=100"))
                .isInstanceOf(MagicException.class)
                .hasMessageContaining("100");
        assertThatThrownBy(() -> run("train", "kmeans --table points --features x,y --param kk=3"))
                .hasMessageContaining("--param kk=3 for kmeans")
                .hasMessageContaining("'kk'");
        assertThatThrownBy(() -> run("predict", "nothing --table points"))
                .hasMessageContaining("there is no variable nothing; models: ");
    }
}
