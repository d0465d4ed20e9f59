package dev.flinkjupyter.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.BasicArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

class DataPassTest {
    /** Sums of features and labels, and the row count. */
    static final class Sums implements AggregateFunction<FeatureBlock, double[], double[]> {
        @Override
        public double[] createAccumulator() {
            return new double[3];
        }

        @Override
        public double[] add(FeatureBlock block, double[] acc) {
            for (int r = 0; r < block.rows; r++) {
                acc[0] += block.feature(r, 0);
                acc[1] += block.labels[r];
                acc[2] += 1;
            }
            return acc;
        }

        @Override
        public double[] getResult(double[] acc) {
            return acc;
        }

        @Override
        public double[] merge(double[] a, double[] b) {
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
            return a;
        }
    }

    static Table numbers(StreamTableEnvironment tEnv, int n) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Row.of(new Double[] {(double) i, 1.0}, i % 2));
        }
        return TestFlink.table(tEnv, new RowTypeInfo(new TypeInformation<?>[] {
            BasicArrayTypeInfo.DOUBLE_ARRAY_TYPE_INFO, Types.INT}, new String[] {"features", "label"}), rows);
    }

    @Test
    void passesSumEveryRowOnceAtEveryParallelism() {
        for (int parallelism : new int[] {1, 2}) {
            StreamTableEnvironment tEnv = TestFlink.tableEnvironment(parallelism);
            TrainingData data = TrainingData.of(numbers(tEnv, 100_000), "features", "label", null);
            {
                for (int pass = 0; pass < 3; pass++) {
                    long start = System.nanoTime();
                    double[] sums = data.pass("sums", new Sums());
                    System.out.printf("parallelism %d pass %d: %.0f ms%n", parallelism, pass,
                            (System.nanoTime() - start) / 1e6);
                    assertThat(sums).containsExactly(100_000.0 * 99_999 / 2, 50_000, 100_000);
                }
                assertThat(data.passes()).isEqualTo(3);
            }
        }
    }

    @Test
    void anEmptyTableGivesTheEmptyAccumulator() {
        StreamTableEnvironment tEnv = TestFlink.tableEnvironment(2);
        Table empty = numbers(tEnv, 3).where(org.apache.flink.table.api.Expressions.$("label").isGreater(5));
        assertThat(TrainingData.of(empty, "features", "label", null).pass("sums", new Sums()))
                .containsExactly(0, 0, 0);
    }

    @Test
    void vectorsOfDifferentSizesFailWithTheColumnName() {
        StreamTableEnvironment tEnv = TestFlink.tableEnvironment(1);
        Table table = tEnv.fromValues(DataTypes.ROW(DataTypes.FIELD("v", Vectors.TYPE),
                DataTypes.FIELD("y", DataTypes.DOUBLE())),
                Row.of(new Double[] {1.0, 2.0}, 1.0), Row.of(new Double[] {1.0}, 0.0));
        assertThatThrownBy(() -> TrainingData.of(table, "v", "y", null).pass("sums", new Sums()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("column .v. holds vectors of (1 and of 2|2 and of 1) elements.*");
    }

    @Test
    void nullsInTheRowsFailWithTheColumnName() {
        StreamTableEnvironment tEnv = TestFlink.tableEnvironment(1);
        DataType type = DataTypes.ROW(DataTypes.FIELD("v", Vectors.TYPE), DataTypes.FIELD("y", DataTypes.DOUBLE()));
        Table nullElement = tEnv.fromValues(type, Row.of(new Double[] {1.0, 2.0}, 1.0), Row.of(new Double[] {1.0, null}, 0.0));
        assertThatThrownBy(() -> TrainingData.of(nullElement, "v", "y", null).pass("sums", new Sums()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("column 'v' holds a vector with a null at index 1");
        Table nullVector = tEnv.fromValues(type, Row.of(new Double[] {1.0, 2.0}, 1.0), Row.of(null, 0.0));
        assertThatThrownBy(() -> TrainingData.of(nullVector, "v", "y", null).pass("sums", new Sums()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("column 'v' holds a null vector");
        Table nullLabel = tEnv.fromValues(type, Row.of(new Double[] {1.0, 2.0}, null));
        assertThatThrownBy(() -> TrainingData.of(nullLabel, "v", "y", null).pass("sums", new Sums()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("label column 'y' holds a null");
    }

    /** Adds each block's row count to every element of a large array. */
    static final class LargeSums implements AggregateFunction<FeatureBlock, double[], double[]> {
        static final int SIZE = 4_000_000; // 32 MB, over RPC frame sizes (10 MB by default)

        @Override
        public double[] createAccumulator() {
            return new double[SIZE];
        }

        @Override
        public double[] add(FeatureBlock block, double[] acc) {
            acc[0] += block.rows;
            acc[SIZE - 1] += block.rows;
            return acc;
        }

        @Override
        public double[] getResult(double[] acc) {
            return acc;
        }

        @Override
        public double[] merge(double[] a, double[] b) {
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
            return a;
        }
    }

    @Test
    void largeAccumulatorsComeBackWhole() {
        StreamTableEnvironment tEnv = TestFlink.tableEnvironment(2);
        double[] sums = TrainingData.of(numbers(tEnv, 10_000), "features", "label", null).pass("large", new LargeSums());
        assertThat(sums).hasSize(LargeSums.SIZE);
        assertThat(sums[0]).isEqualTo(10_000);
        assertThat(sums[LargeSums.SIZE - 1]).isEqualTo(10_000);
    }

    @Test
    void blocksTravelAsFlinkPojosNotKryo() {
        assertThat(TypeInformation.of(FeatureBlock.class)).isInstanceOf(PojoTypeInfo.class);
    }

    @Test
    void aNonVectorFeatureColumnIsNamedWithTheTableColumns() {
        StreamTableEnvironment tEnv = TestFlink.tableEnvironment(1);
        Table table = tEnv.fromValues(DataTypes.ROW(DataTypes.FIELD("name", DataTypes.STRING()),
                DataTypes.FIELD("y", DataTypes.DOUBLE())), Row.of("a", 1.0));
        assertThatThrownBy(() -> TrainingData.of(table, "name", "y", null))
                .hasMessageContaining("features column 'name' is STRING")
                .hasMessageContaining("the table has name STRING, y DOUBLE");
        assertThatThrownBy(() -> TrainingData.of(table, "nope", "y", null))
                .hasMessageContaining("unknown features column 'nope'; the table has name STRING, y DOUBLE");
    }
}
