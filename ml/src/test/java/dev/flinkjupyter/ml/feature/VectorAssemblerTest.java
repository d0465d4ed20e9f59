package dev.flinkjupyter.ml.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.flink.api.common.typeinfo.BasicArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

class VectorAssemblerTest {
    static Table people() {
        return FeatureTables.table(1, new String[] {"age", "income", "v", "city"},
                new TypeInformation<?>[] {Types.INT, Types.DOUBLE, BasicArrayTypeInfo.DOUBLE_ARRAY_TYPE_INFO, Types.STRING},
                List.of(new Object[] {30, 1000.5, new Double[] {1.0, 2.0}, "Oslo"},
                        new Object[] {40, null, new Double[] {3.0, 4.0}, "Rome"}));
    }

    static Row[] assemble(String handleInvalid) {
        Table out = new VectorAssembler().setInputCols("age", "income", "v").setOutputCol("features")
                .setHandleInvalid(handleInvalid).transform(people())[0];
        return FeatureTables.rows(out).toArray(Row[]::new);
    }

    @Test
    void numbersAndVectorsJoinInColumnOrder() {
        Row[] rows = assemble("keep");
        assertThat(rows).hasSize(2);
        assertThat((Double[]) rows[0].getField("features")).containsExactly(30.0, 1000.5, 1.0, 2.0);
        assertThat((Double[]) rows[1].getField("features")).containsExactly(40.0, Double.NaN, 3.0, 4.0);
        assertThat(rows[0].getField("city")).isEqualTo("Oslo");
    }

    @Test
    void skipDropsTheRowWithANullAndErrorNamesTheColumnAndTheRow() {
        Row[] rows = assemble("skip");
        assertThat(rows).hasSize(1);
        assertThatThrownBy(() -> assemble("error")).rootCause()
                .hasMessageContaining("column 'income' holds a null")
                .hasMessageContaining("(age=40.0, income=null, v=[3.0, 4.0])");
    }

    @Test
    void aTextColumnIsRefusedWithTheTableColumns() {
        assertThatThrownBy(() -> new VectorAssembler().setInputCols("age", "city").setOutputCol("f").transform(people()))
                .hasMessageContaining("input column 'city' is STRING")
                .hasMessageContaining("age INT, income DOUBLE, v ARRAY<DOUBLE>, city STRING");
    }
}
