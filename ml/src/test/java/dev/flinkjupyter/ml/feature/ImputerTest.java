package dev.flinkjupyter.ml.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flinkjupyter.ml.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImputerTest {
    // a: 1, 2, 2, 10, null, NaN (present: 1 2 2 10: mean 3.75, median 2, most frequent 2)
    // b: 4, -1, 5, 6, -1, 7 with missingValue -1 (present: 4 5 6 7: mean 5.5, median 5.5, most frequent 4)
    static Table data() {
        Double[] a = {1.0, 2.0, 2.0, 10.0, null, Double.NaN};
        int[] b = {4, -1, 5, 6, -1, 7};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            rows.add(new Object[] {i, a[i], b[i]});
        }
        return FeatureTables.table(2, new String[] {"id", "a", "b"},
                new TypeInformation<?>[] {Types.INT, Types.DOUBLE, Types.INT}, rows);
    }

    static Imputer imputer(String strategy, double missing, String... columns) {
        return new Imputer().setInputCols(columns)
                .setOutputCols(java.util.Arrays.stream(columns).map(c -> c + "_filled").toArray(String[]::new))
                .setStrategy(strategy).setMissingValue(missing);
    }

    @Test
    void meanMedianAndMostFrequentOfThePresentValues() {
        assertThat(imputer("mean", Double.NaN, "a").fit(data()).getSurrogates()).containsExactly(3.75);
        assertThat(imputer("median", Double.NaN, "a").fit(data()).getSurrogates()).containsExactly(2.0);
        assertThat(imputer("mostFrequent", Double.NaN, "a").fit(data()).getSurrogates()).containsExactly(2.0);
        assertThat(imputer("mean", -1, "b").fit(data()).getSurrogates()).containsExactly(5.5);
        assertThat(imputer("median", -1, "b").fit(data()).getSurrogates()[0]).isCloseTo(5.5, within(1e-12));
        assertThat(imputer("mostFrequent", -1, "b").fit(data()).getSurrogates()).containsExactly(4.0);
    }

    @Test
    void theModelFillsMissingValuesAndSavesAndLoads(@TempDir Path dir) throws Exception {
        ImputerModel model = imputer("median", Double.NaN, "a").fit(data());
        model.save(dir.resolve("m").toString());
        ImputerModel loaded = Stage.load(dir.resolve("m").toString());
        double[] filled = new double[6];
        for (Row row : FeatureTables.rows(loaded.transform(data())[0])) {
            filled[(Integer) row.getField("id")] = (Double) row.getField("a_filled");
        }
        assertThat(filled).containsExactly(1, 2, 2, 10, 2, 2);
        // The model remembers how its fill values were learned, saved and loaded too.
        assertThat(model.getParamMap().get(ImputerModel.STRATEGY)).isEqualTo("median");
        assertThat(loaded.getParamMap().get(ImputerModel.STRATEGY)).isEqualTo("median");
    }

    @Test
    void aColumnWithNothingPresentIsNamed() {
        assertThatThrownBy(() -> imputer("mean", Double.NaN, "a").fit(data().filter(
                org.apache.flink.table.api.Expressions.$("id").isGreater(3))))
                .hasMessageContaining("column 'a' has no present value");
        assertThatThrownBy(() -> imputer("mean", Double.NaN, "c").fit(data()))
                .hasMessageContaining("unknown input column 'c'").hasMessageContaining("id INT, a DOUBLE, b INT");
    }
}
