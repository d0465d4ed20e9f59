package dev.flinkjupyter.ml.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flinkjupyter.ml.Pipeline;
import dev.flinkjupyter.ml.PipelineModel;
import dev.flinkjupyter.ml.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.BasicArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalersTest {
    // a: 1 2 3 4 (mean 2.5, sample sd sqrt(5/3)); b: 10 10 10 10 (constant)
    static Table data(int parallelism) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            rows.add(new Object[] {(double) i, 10});
        }
        return FeatureTables.table(parallelism, new String[] {"a", "b"},
                new TypeInformation<?>[] {Types.DOUBLE, Types.INT}, rows);
    }

    static Table vectors(int parallelism) {
        return new VectorAssembler().setInputCols("a", "b").setOutputCol("raw").transform(data(parallelism))[0];
    }

    static List<Double[]> column(Table table, String name) {
        List<Double[]> values = new ArrayList<>();
        for (Row row : FeatureTables.rows(table)) {
            values.add((Double[]) row.getField(name));
        }
        values.sort((x, y) -> Double.compare(x[0], y[0]));
        return values;
    }

    @Test
    void standardScalerLearnsMeansAndDeviationsAndScales() {
        StandardScalerModel model = new StandardScaler().setInputCol("raw").setOutputCol("scaled").setWithMean(true)
                .fit(vectors(2));
        assertThat(model.getMean()).containsExactly(new double[] {2.5, 10}, within(1e-12));
        assertThat(model.getStd()).containsExactly(new double[] {Math.sqrt(5.0 / 3), 0}, within(1e-12));
        List<Double[]> scaled = column(model.transform(vectors(1))[0], "scaled");
        assertThat(scaled.get(0)[0]).isCloseTo(-1.5 / Math.sqrt(5.0 / 3), within(1e-12));
        assertThat(scaled.get(3)[0]).isCloseTo(1.5 / Math.sqrt(5.0 / 3), within(1e-12));
        assertThat(scaled.get(0)[1]).isEqualTo(0.0);
    }

    @Test
    void minMaxScalerMapsOntoItsRange() {
        MinMaxScalerModel model = new MinMaxScaler().setInputCol("raw").setOutputCol("scaled").setMin(-1).setMax(1)
                .fit(vectors(2));
        assertThat(model.getOriginalMin()).containsExactly(1, 10);
        assertThat(model.getOriginalMax()).containsExactly(4, 10);
        List<Double[]> scaled = column(model.transform(vectors(1))[0], "scaled");
        assertThat(scaled.get(0)).containsExactly(-1.0, 0.0);
        assertThat(scaled.get(1)[0]).isCloseTo(-1.0 / 3, within(1e-12));
        assertThat(scaled.get(3)).containsExactly(1.0, 0.0);
    }

    @Test
    void bothWorkInAPipelineThatSavesAndLoads(@TempDir Path dir) throws Exception {
        PipelineModel model = new Pipeline(
                new VectorAssembler().setInputCols("a", "b").setOutputCol("raw"),
                new StandardScaler().setInputCol("raw").setOutputCol("standard"),
                new MinMaxScaler().setInputCol("standard").setOutputCol("features")).fit(data(2));
        model.save(dir.resolve("m").toString());
        PipelineModel loaded = Stage.load(dir.resolve("m").toString());
        List<Double[]> before = column(model.transform(data(1))[0], "features");
        List<Double[]> after = column(loaded.transform(data(1))[0], "features");
        assertThat(after).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(after.get(i)).containsExactly(before.get(i));
        }
        assertThat(after.get(3)[0]).isEqualTo(1.0);
    }

    @Test
    void aNullVectorOrAMissingColumnIsNamed() {
        Table withNull = FeatureTables.table(1, new String[] {"v"},
                new TypeInformation<?>[] {BasicArrayTypeInfo.DOUBLE_ARRAY_TYPE_INFO},
                List.of(new Object[] {new Double[] {1.0}}, new Object[] {null}));
        assertThatThrownBy(() -> new StandardScaler().setInputCol("v").setOutputCol("s").fit(withNull))
                .hasMessageContaining("column 'v' holds a null vector");
        assertThatThrownBy(() -> new MinMaxScaler().setInputCol("w").setOutputCol("s").fit(withNull))
                .hasMessageContaining("unknown input column 'w'").hasMessageContaining("v ARRAY<DOUBLE>");
    }
}
