package dev.flinkjupyter.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flinkjupyter.ml.Pipeline;
import dev.flinkjupyter.ml.PipelineModel;
import dev.flinkjupyter.ml.classification.NaiveBayes;
import dev.flinkjupyter.ml.feature.RandomSplitter;
import dev.flinkjupyter.ml.feature.StandardScaler;
import dev.flinkjupyter.ml.feature.VectorAssembler;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.table.api.Table;
import org.junit.jupiter.api.Test;

/** The feature stages, a classifier and the evaluators together, as a notebook would use them. */
class PipelineEvaluationTest {
    @Test
    void aSplitPipelineIsScoredConsistentlyByBothClassificationEvaluators() {
        Random random = new Random(21);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            double label = random.nextDouble() < 0.4 ? 1 : 0;
            double shift = label == 1 ? 1.5 : 0;
            rows.add(new Object[] {i, shift + random.nextGaussian(), 100 * (shift + random.nextGaussian()), label});
        }
        Table data = Predictions.table(2, new String[] {"id", "x", "y", "label"},
                new TypeInformation<?>[] {Types.INT, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE}, rows);
        Table[] parts = new RandomSplitter().setFractions(0.7, 0.3).setSeed(3).transform(data);

        PipelineModel model = new Pipeline(
                new VectorAssembler().setInputCols("x", "y").setOutputCol("raw"),
                new StandardScaler().setInputCol("raw").setOutputCol("features"),
                new NaiveBayes()).fit(parts[0]);
        Table scored = model.transform(parts[1])[0];

        BinaryClassificationMetrics binary = new BinaryClassificationEvaluator().evaluate(scored);
        MulticlassClassificationMetrics multi = new MulticlassClassificationEvaluator().evaluate(scored);
        // Two classes one and a half deviations apart in two features: AUC about 0.93.
        assertThat(binary.areaUnderROC()).isBetween(0.88, 0.97);
        assertThat(binary.accuracy()).isCloseTo(multi.accuracy(), within(1e-12));
        assertThat(binary.get("rows")).isEqualTo(multi.get("rows")).isBetween(800.0, 1000.0);
        assertThat(multi.confusionMatrix().classes()).containsExactly("0", "1");
        double[][] confusion = multi.confusionMatrix().counts();
        assertThat(binary.confusion()).isEqualTo(confusion);
    }
}
