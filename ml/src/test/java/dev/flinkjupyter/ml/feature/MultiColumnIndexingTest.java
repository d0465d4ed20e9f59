package dev.flinkjupyter.ml.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkjupyter.ml.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** StringIndexer and OneHotEncoder over several columns at once, as Flink ML's take them. */
class MultiColumnIndexingTest {
    static final String[] NAMES = {"id", "city", "colour", "size"};
    static final TypeInformation<?>[] TYPES = {Types.INT, Types.STRING, Types.STRING, Types.INT};

    static Table shop(Object[]... rows) {
        return FeatureTables.table(2, NAMES, TYPES, List.of(rows));
    }

    static final Table TRAIN = shop(
            new Object[] {1, "rome", "red", 40},
            new Object[] {2, "oslo", "red", 42},
            new Object[] {3, "rome", "blue", 40},
            new Object[] {4, "bern", "red", 40},
            new Object[] {5, "rome", null, 38});

    /** The rows sorted by id, as the values of these columns (a vector as a list). */
    static List<List<Object>> columns(Table table, String... names) {
        List<Row> rows = new ArrayList<>(FeatureTables.rows(table));
        rows.sort(Comparator.comparing(r -> (Integer) r.getField("id")));
        List<List<Object>> out = new ArrayList<>();
        for (Row row : rows) {
            List<Object> values = new ArrayList<>();
            for (String name : names) {
                Object value = row.getField(name);
                values.add(value instanceof Double[] vector ? List.of(vector) : value);
            }
            out.add(values);
        }
        return out;
    }

    static StringIndexer threeColumns() {
        return new StringIndexer().setInputCols("city", "colour", "size").setOutputCols("ci", "co", "si");
    }

    @Test
    void twoColumnsAreIndexedEachWithItsOwnLabels() {
        StringIndexerModel model = new StringIndexer().setInputCols("city", "colour").setOutputCols("ci", "co")
                .fit(TRAIN);
        assertThat(model.getLabelsPerColumn()).containsExactly(List.of("rome", "bern", "oslo"), List.of("red", "blue"));
        assertThat(model.getInputCols()).containsExactly("city", "colour");
        Table test = shop(new Object[] {1, "oslo", "blue", 1}, new Object[] {2, "rome", "red", 1});
        assertThat(columns(model.transform(test)[0], "ci", "co")).containsExactly(List.of(2.0, 1.0), List.of(0.0, 0.0));
    }

    @Test
    void threeColumnsFollowTheOrderType() {
        StringIndexerModel model = threeColumns().setStringOrderType(StringIndexer.ALPHABET_DESC).fit(TRAIN);
        assertThat(model.getLabelsPerColumn()).containsExactly(List.of("rome", "oslo", "bern"), List.of("red", "blue"),
                List.of("42", "40", "38"));
        assertThat(model.getLabels(2)).containsExactly("42", "40", "38");
        assertThat(model).hasToString("StringIndexerModel[3 columns, [3, 2, 3] labels]");
        assertThatThrownBy(model::getLabels).hasMessageContaining("indexes 3 columns; use getLabels(column)");
    }

    @Test
    void anUnseenLabelInAnyColumnFailsIsSkippedOrKept() {
        StringIndexerModel model = threeColumns().fit(TRAIN);
        Table test = shop(new Object[] {1, "rome", "red", 40}, new Object[] {2, "paris", "red", 40},
                new Object[] {3, "oslo", "green", 40}, new Object[] {4, "bern", "blue", 99});

        assertThat(columns(model.setHandleInvalid("keep").transform(test)[0], "ci", "co", "si")).containsExactly(
                List.of(0.0, 0.0, 0.0), List.of(3.0, 0.0, 0.0), List.of(2.0, 2.0, 0.0), List.of(1.0, 1.0, 3.0));
        assertThat(columns(model.setHandleInvalid("skip").transform(test)[0], "id")).containsExactly(List.of(1));
        assertThatThrownBy(() -> FeatureTables.rows(model.setHandleInvalid("error").transform(test)[0])).rootCause()
                .hasMessageMatching("(?s).*column '(city|colour|size)' holds '(paris|green|99)', which was not seen.*");
    }

    @Test
    void severalColumnsSaveAndLoad(@TempDir Path dir) throws Exception {
        StringIndexerModel model = threeColumns().setHandleInvalid("keep").fit(TRAIN);
        model.save(dir.resolve("m").toString());
        StringIndexerModel loaded = Stage.load(dir.resolve("m").toString());
        assertThat(loaded.getLabelsPerColumn()).isEqualTo(model.getLabelsPerColumn());
        assertThat(loaded.getOutputCols()).containsExactly("ci", "co", "si");
        assertThat(loaded.getHandleInvalid()).isEqualTo("keep");
        Table test = shop(new Object[] {1, "oslo", "pink", 38});
        assertThat(columns(loaded.transform(test)[0], "ci", "co", "si")).containsExactly(List.of(2.0, 2.0, 1.0));
    }

    @Test
    void indicesOfSeveralColumnsBecomeOneHotVectorsInOneFit(@TempDir Path dir) throws Exception {
        Table indexed = threeColumns().fit(TRAIN).setHandleInvalid("keep").transform(TRAIN)[0];
        OneHotEncoderModel encoder = new OneHotEncoder().setInputCols("ci", "co", "si").setOutputCols("cv", "ov", "sv")
                .fit(indexed);
        // colour of row 5 is null: kept as index 2, so colour has 3 categories
        assertThat(encoder.getCategoriesPerColumn()).containsExactly(3, 3, 3);
        assertThat(encoder.vectorSizes()).containsExactly(2, 2, 2);
        assertThat(encoder).hasToString("OneHotEncoderModel[categories=[3, 3, 3]]");
        encoder.save(dir.resolve("e").toString());
        OneHotEncoderModel loaded = Stage.load(dir.resolve("e").toString());
        assertThat(loaded.getCategoriesPerColumn()).containsExactly(3, 3, 3);

        List<List<Object>> vectors = columns(loaded.transform(indexed)[0], "id", "cv", "ov", "sv");
        // row 2: oslo (2), red (0), 42 (2)
        assertThat(vectors.get(1)).containsExactly(2, List.of(0.0, 0.0), List.of(1.0, 0.0), List.of(0.0, 0.0));
    }

    @Test
    void anInvalidIndexInAnyColumnFailsIsSkippedOrKept() {
        Table indices = FeatureTables.table(1, new String[] {"id", "a", "b"},
                new TypeInformation<?>[] {Types.INT, Types.DOUBLE, Types.DOUBLE},
                List.of(new Object[] {1, 0.0, 1.0}, new Object[] {2, 1.0, 0.0}));
        OneHotEncoderModel model = new OneHotEncoder().setInputCols("a", "b").setOutputCols("va", "vb").setDropLast(false)
                .fit(indices);
        Table test = FeatureTables.table(1, new String[] {"id", "a", "b"},
                new TypeInformation<?>[] {Types.INT, Types.DOUBLE, Types.DOUBLE},
                List.of(new Object[] {1, 0.0, 1.0}, new Object[] {2, 0.0, 7.0}));

        assertThat(columns(model.setHandleInvalid("keep").transform(test)[0], "va", "vb")).containsExactly(
                List.of(List.of(1.0, 0.0, 0.0), List.of(0.0, 1.0, 0.0)),
                List.of(List.of(1.0, 0.0, 0.0), List.of(0.0, 0.0, 1.0)));
        assertThat(columns(model.setHandleInvalid("skip").transform(test)[0], "id")).containsExactly(List.of(1));
        assertThatThrownBy(() -> FeatureTables.rows(model.setHandleInvalid("error").transform(test)[0])).rootCause()
                .hasMessageContaining("column 'b' holds 7.0, not a category index in [0, 2)");
    }

    @Test
    void badColumnSettingsAreRefusedBeforeAnyJob() {
        assertThatThrownBy(() -> new StringIndexer().setInputCols("city", "colour").setOutputCols("ci").fit(TRAIN))
                .hasMessageContaining("2 input columns [city, colour] but 1 output columns [ci]");
        assertThatThrownBy(() -> new StringIndexer().setInputCols("city", "shape").setOutputCols("ci", "si").fit(TRAIN))
                .hasMessageContaining("unknown input column 'shape'")
                .hasMessageContaining("id INT, city STRING, colour STRING, size INT");
        assertThatThrownBy(() -> new StringIndexer().setInputCols("city", "colour").setOutputCols("ci", "size").fit(TRAIN))
                .hasMessageContaining("output column 'size' exists already");
        assertThatThrownBy(() -> new StringIndexer().setInputCol("city").setInputCols("city", "colour")
                .setOutputCols("ci", "co").fit(TRAIN))
                .hasMessageContaining("both inputCol ('city') and inputCols [city, colour] are set");
        assertThatThrownBy(() -> new StringIndexer().setInputCols("city", "colour").setOutputCols("x", "x").fit(TRAIN))
                .hasMessageContaining("the output column 'x' is named twice");
        assertThatThrownBy(() -> new StringIndexer().setOutputCol("ci").fit(TRAIN))
                .hasMessageContaining("set inputCol (one column) or inputCols (several)");

        assertThatThrownBy(() -> new OneHotEncoder().setInputCols("id", "size").setOutputCols("v").fit(TRAIN))
                .hasMessageContaining("2 input columns [id, size] but 1 output columns [v]");
        assertThatThrownBy(() -> new OneHotEncoder().setInputCols("id", "city").setOutputCols("v", "w").fit(TRAIN))
                .hasMessageContaining("input column 'city' is STRING, not numeric; the table has id INT");
        assertThatThrownBy(() -> new OneHotEncoder().setInputCol("id").setInputCols("size").setOutputCol("v").fit(TRAIN))
                .hasMessageContaining("both inputCol ('id') and inputCols [size] are set");
        assertThatThrownBy(() -> new OneHotEncoder().setInputCols("id", "size").setOutputCols("v", "city").fit(TRAIN))
                .hasMessageContaining("output column 'city' exists already");
    }
}
