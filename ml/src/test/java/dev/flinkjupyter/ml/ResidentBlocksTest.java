package dev.flinkjupyter.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.BasicArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

/** Cached training data: the blocks kept by one job in memory, or in Flink's cache when too large. */
class ResidentBlocksTest {
    /** Fails on the block that holds a row with this first feature. */
    static final class FailsAt implements AggregateFunction<FeatureBlock, double[], double[]> {
        private final double bad;

        FailsAt(double bad) {
            this.bad = bad;
        }

        @Override
        public double[] createAccumulator() {
            return new double[1];
        }

        @Override
        public double[] add(FeatureBlock block, double[] acc) {
            for (int r = 0; r < block.rows; r++) {
                if (block.feature(r, 0) == bad) {
                    throw new IllegalArgumentException("row with feature " + bad);
                }
            }
            return acc;
        }

        @Override
        public double[] getResult(double[] acc) {
            return acc;
        }

        @Override
        public double[] merge(double[] a, double[] b) {
            return a;
        }
    }

    @Test
    void passesOverBlocksInMemoryMatchPlainPassesAtEveryParallelism() {
        for (int parallelism : new int[] {1, 2}) {
            StreamTableEnvironment tEnv = TestFlink.tableEnvironment(parallelism);
            try (TrainingData data = TrainingData.of(DataPassTest.numbers(tEnv, 50_000), "features", "label", null)
                    .cached()) {
                for (int pass = 0; pass < 10; pass++) {
                    double[] sums = data.pass("sums", new DataPassTest.Sums());
                    assertThat(sums).containsExactly(50_000.0 * 49_999 / 2, 25_000, 50_000);
                    assertThat(data.inMemory()).as("parallelism %d", parallelism).isTrue();
                }
                assertThat(data.passes()).isEqualTo(10);
            }
        }
    }

    @Test
    void dataBeyondTheMemoryBudgetIsKeptInFlinksCacheWithTheSameResults() {
        StreamTableEnvironment tEnv = TestFlink.tableEnvironment(2);
        try (TrainingData data = TrainingData.of(DataPassTest.numbers(tEnv, 20_000), "features", "label", null)
                .cached(10_000)) {
            for (int pass = 0; pass < 3; pass++) {
                assertThat(data.pass("sums", new DataPassTest.Sums())).containsExactly(20_000.0 * 19_999 / 2, 10_000, 20_000);
                assertThat(data.inMemory()).isFalse();
            }
        }
    }

    @Test
    void aFailingPassReportsItsOwnErrorAndTheBlocksStayForTheNext() {
        StreamTableEnvironment tEnv = TestFlink.tableEnvironment(2);
        try (TrainingData data = TrainingData.of(DataPassTest.numbers(tEnv, 10_000), "features", "label", null)
                .cached()) {
            assertThat(data.pass("sums", new DataPassTest.Sums())[2]).isEqualTo(10_000);
            assertThatThrownBy(() -> data.pass("bad", new FailsAt(7_777)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("row with feature 7777.0");
            assertThat(data.pass("sums", new DataPassTest.Sums())[2]).isEqualTo(10_000);
            assertThat(data.inMemory()).isTrue();
        }
    }

    @Test
    void aBadRowFailsTheFirstPassWithTheColumnsName() {
        StreamTableEnvironment tEnv = TestFlink.tableEnvironment(2);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(Row.of(i == 4_321 ? null : new Double[] {(double) i}, 1.0));
        }
        RowTypeInfo type = new RowTypeInfo(new TypeInformation<?>[] {
            BasicArrayTypeInfo.DOUBLE_ARRAY_TYPE_INFO, Types.DOUBLE}, new String[] {"x", "y"});
        try (TrainingData data = TrainingData.of(TestFlink.table(tEnv, type, rows), "x", "y", null).cached()) {
            assertThatThrownBy(() -> data.pass("sums", new DataPassTest.Sums()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("column 'x' holds a null vector");
        }
    }
}
