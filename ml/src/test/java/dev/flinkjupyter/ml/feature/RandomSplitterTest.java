package dev.flinkjupyter.ml.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.BasicArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

class RandomSplitterTest {
    static Table data(int parallelism) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            rows.add(new Object[] {i, "row" + (i % 7), new Double[] {i * 0.5, -i * 1.0}});
        }
        return FeatureTables.table(parallelism, new String[] {"id", "name", "v"},
                new TypeInformation<?>[] {Types.INT, Types.STRING, BasicArrayTypeInfo.DOUBLE_ARRAY_TYPE_INFO}, rows);
    }

    static Set<Integer> ids(Table table) {
        Set<Integer> ids = new HashSet<>();
        for (Row row : FeatureTables.rows(table)) {
            ids.add((Integer) row.getField("id"));
        }
        return ids;
    }

    @Test
    void partsCoverTheRowsOnceInTheirFractionsTheSameAtAnyParallelism() {
        Table[] parts = new RandomSplitter().setFractions(0.6, 0.3, 0.1).setSeed(5).transform(data(2));
        assertThat(parts).hasSize(3);
        assertThat(parts[0].getResolvedSchema().getColumnNames()).containsExactly("id", "name", "v");
        Set<Integer> a = ids(parts[0]);
        Set<Integer> b = ids(parts[1]);
        Set<Integer> c = ids(parts[2]);
        assertThat(a.size() + b.size() + c.size()).isEqualTo(2000);
        Set<Integer> all = new HashSet<>(a);
        all.addAll(b);
        all.addAll(c);
        assertThat(all).hasSize(2000);
        // binomial standard deviation of 60% of 2000 is about 22 rows
        assertThat(a.size()).isBetween(1100, 1300);
        assertThat(c.size()).isBetween(140, 260);

        Table[] serial = new RandomSplitter().setFractions(0.6, 0.3, 0.1).setSeed(5).transform(data(1));
        assertThat(ids(serial[0])).isEqualTo(a);
        assertThat(ids(serial[2])).isEqualTo(c);
        Table[] otherSeed = new RandomSplitter().setFractions(0.6, 0.3, 0.1).setSeed(6).transform(data(1));
        assertThat(ids(otherSeed[0])).isNotEqualTo(a);
    }

    @Test
    void badFractionsAreRefused() {
        assertThatThrownBy(() -> new RandomSplitter().setParam("fractions", "0.5,-0.5"))
                .hasMessageContaining("fractions").hasMessageContaining("positive");
    }
}
