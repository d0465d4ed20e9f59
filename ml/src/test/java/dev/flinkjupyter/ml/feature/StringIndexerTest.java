package dev.flinkjupyter.ml.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkjupyter.ml.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StringIndexerTest {
    static Table cities(String... names) {
        List<Object[]> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(new Object[] {name});
        }
        return FeatureTables.table(2, new String[] {"city"}, new TypeInformation<?>[] {Types.STRING}, rows);
    }

    static final Table TRAIN = cities("rome", "oslo", "rome", "bern", "oslo", "rome", null);

    static Map<String, Double> indices(Table table) {
        Map<String, Double> out = new HashMap<>();
        for (Row row : FeatureTables.rows(table)) {
            out.put((String) row.getField("city"), (Double) row.getField("i"));
        }
        return out;
    }

    @Test
    void labelsAreOrderedByFrequencyOrAlphabet() {
        assertThat(new StringIndexer().setInputCol("city").setOutputCol("i").fit(TRAIN).getLabels())
                .containsExactly("rome", "oslo", "bern");
        assertThat(new StringIndexer().setInputCol("city").setOutputCol("i").setStringOrderType("frequencyAsc")
                .fit(TRAIN).getLabels()).containsExactly("bern", "oslo", "rome");
        assertThat(new StringIndexer().setInputCol("city").setOutputCol("i").setStringOrderType("alphabetAsc")
                .fit(TRAIN).getLabels()).containsExactly("bern", "oslo", "rome");
        assertThat(new StringIndexer().setInputCol("city").setOutputCol("i").setStringOrderType("alphabetDesc")
                .fit(TRAIN).getLabels()).containsExactly("rome", "oslo", "bern");
    }

    @Test
    void unseenLabelsFailAreSkippedOrKept(@TempDir Path dir) throws Exception {
        StringIndexerModel model = new StringIndexer().setInputCol("city").setOutputCol("i").fit(TRAIN);
        model.save(dir.resolve("m").toString());
        StringIndexerModel loaded = Stage.load(dir.resolve("m").toString());
        Table test = cities("oslo", "paris", "bern");

        assertThat(indices(loaded.setHandleInvalid("keep").transform(test)[0]))
                .containsEntry("oslo", 1.0).containsEntry("bern", 2.0).containsEntry("paris", 3.0);
        assertThat(indices(loaded.setHandleInvalid("skip").transform(test)[0])).containsOnlyKeys("oslo", "bern");
        assertThatThrownBy(() -> FeatureTables.rows(loaded.setHandleInvalid("error").transform(test)[0])).rootCause()
                .hasMessageContaining("column 'city' holds 'paris', which was not seen in fitting");
    }

    @Test
    void numbersAreIndexedAsText() {
        Table codes = FeatureTables.table(1, new String[] {"code"}, new TypeInformation<?>[] {Types.INT},
                List.of(new Object[] {7}, new Object[] {3}, new Object[] {7}));
        assertThat(new StringIndexer().setInputCol("code").setOutputCol("i").fit(codes).getLabels())
                .containsExactly("7", "3");
    }
}
