package dev.flinkjupyter.ml.feature;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Feature models saved by the single-column build (under {@code saved-models/} in the test
 * resources) still load, transform as they did, and survive a save and a load in today's format.
 */
class SavedFeatureModelsTest {
    @TempDir
    Path temp;

    static Path saved(String name) throws Exception {
        return Path.of(SavedFeatureModelsTest.class.getResource("/saved-models/" + name).toURI());
    }

    static Map<String, Double> cityIndices(StringIndexerModel model) {
        Table cities = FeatureTables.table(1, new String[] {"city"}, new TypeInformation<?>[] {Types.STRING},
                List.of(new Object[] {"bern"}, new Object[] {"paris"}, new Object[] {"rome"}));
        Map<String, Double> out = new HashMap<>();
        for (Row row : FeatureTables.rows(model.transform(cities)[0])) {
            out.put((String) row.getField("city"), (Double) row.getField("cityIndex"));
        }
        return out;
    }

    @Test
    void aSingleColumnStringIndexerLoadsAndIndexes() throws Exception {
        StringIndexerModel model = Stage.load(saved("string-indexer").toString());
        assertThat(model.getLabels()).containsExactly("rome", "oslo", "bern");
        assertThat(model.getInputCol()).isEqualTo("city");
        assertThat(model.getHandleInvalid()).isEqualTo("keep");
        assertThat(cityIndices(model)).containsEntry("rome", 0.0).containsEntry("bern", 2.0).containsEntry("paris", 3.0);

        model.save(temp.resolve("again").toString());
        StringIndexerModel again = Stage.load(temp.resolve("again").toString());
        assertThat(again.getLabels()).containsExactly("rome", "oslo", "bern");
        assertThat(cityIndices(again)).isEqualTo(cityIndices(model));
    }

    @Test
    void aSingleColumnOneHotEncoderLoadsAndEncodes() throws Exception {
        OneHotEncoderModel model = Stage.load(saved("one-hot-encoder").toString());
        assertThat(model.getCategories()).isEqualTo(3);
        assertThat(model.getInputCol()).isEqualTo("cityIndex");
        assertThat(model.get(OneHotEncoderModel.DROP_LAST)).isFalse();
        assertThat(model.vectorSize()).isEqualTo(4);

        model.save(temp.resolve("again").toString());
        OneHotEncoderModel again = Stage.load(temp.resolve("again").toString());
        assertThat(again.getCategories()).isEqualTo(3);
        assertThat(again.vectorSize()).isEqualTo(4);
    }
}
