package dev.flinkjupyter.ml.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkjupyter.ml.Pipeline;
import dev.flinkjupyter.ml.PipelineModel;
import dev.flinkjupyter.ml.Stage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OneHotEncoderTest {
    static Table indices(double... values) {
        return FeatureTables.table(2, new String[] {"i"}, new TypeInformation<?>[] {Types.DOUBLE},
                java.util.Arrays.stream(values).mapToObj(v -> new Object[] {v}).toList());
    }

    static Map<Double, Double[]> encode(OneHotEncoderModel model, Table table) {
        Map<Double, Double[]> out = new HashMap<>();
        for (Row row : FeatureTables.rows(model.transform(table)[0])) {
            out.put((Double) row.getField("i"), (Double[]) row.getField("v"));
        }
        return out;
    }

    @Test
    void indicesBecomeOneHotVectorsWithTheLastDropped() {
        OneHotEncoderModel model = new OneHotEncoder().setInputCol("i").setOutputCol("v").fit(indices(0, 2, 1, 2));
        assertThat(model.getCategories()).isEqualTo(3);
        Map<Double, Double[]> encoded = encode(model, indices(0, 1, 2));
        assertThat(encoded.get(0.0)).containsExactly(1.0, 0.0);
        assertThat(encoded.get(1.0)).containsExactly(0.0, 1.0);
        assertThat(encoded.get(2.0)).containsExactly(0.0, 0.0);

        model.set(OneHotEncoderModel.DROP_LAST, false).setHandleInvalid("keep");
        Map<Double, Double[]> kept = encode(model, indices(2, 5));
        assertThat(kept.get(2.0)).containsExactly(0.0, 0.0, 1.0, 0.0);
        assertThat(kept.get(5.0)).containsExactly(0.0, 0.0, 0.0, 1.0);
        assertThat(encode(model.setHandleInvalid("skip"), indices(2, 5))).containsOnlyKeys(2.0);
        assertThatThrownBy(() -> encode(model.setHandleInvalid("error"), indices(1.5))).rootCause()
                .hasMessageContaining("column 'i' holds 1.5, not a category index in [0, 3)");
    }

    @Test
    void negativeIndicesAreRefusedInFitting() {
        assertThatThrownBy(() -> new OneHotEncoder().setInputCol("i").setOutputCol("v").fit(indices(-1, 2)))
                .hasMessageContaining("column 'i' holds indices from -1.0 to 2.0");
    }

    @Test
    void aStringIndexerAndAnEncoderMakeAPipelineThatSavesAndLoads(@TempDir Path dir) throws Exception {
        Table cities = FeatureTables.table(1, new String[] {"city"}, new TypeInformation<?>[] {Types.STRING},
                List.of(new Object[] {"rome"}, new Object[] {"oslo"}, new Object[] {"rome"}, new Object[] {"bern"}));
        PipelineModel model = new Pipeline(new StringIndexer().setInputCol("city").setOutputCol("cityIndex"),
                new OneHotEncoder().setInputCol("cityIndex").setOutputCol("cityVector").setDropLast(false)).fit(cities);
        model.save(dir.resolve("p").toString());
        PipelineModel loaded = Stage.load(dir.resolve("p").toString());
        Map<String, Double[]> vectors = new HashMap<>();
        for (Row row : FeatureTables.rows(loaded.transform(cities)[0])) {
            vectors.put((String) row.getField("city"), (Double[]) row.getField("cityVector"));
        }
        assertThat(vectors.get("rome")).containsExactly(1.0, 0.0, 0.0);
        assertThat(vectors.get("bern")).containsExactly(0.0, 1.0, 0.0);
        assertThat(vectors.get("oslo")).containsExactly(0.0, 0.0, 1.0);
    }
}
