package dev.flinkjupyter.ml.feature;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.Transformer;
import dev.flinkjupyter.ml.Vectors;
import dev.flinkjupyter.ml.param.HasHandleInvalid;
import dev.flinkjupyter.ml.param.HasInputCols;
import dev.flinkjupyter.ml.param.HasOutputCol;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;

/**
 * Joins numeric columns and vector columns into one vector column ({@code ARRAY<DOUBLE>}, see
 * {@link Vectors}), in the order of {@code inputCols}: what estimators take as features.
 * {@code handleInvalid} says what a null does: {@code error} (the default) fails with the column
 * and the row's values, {@code skip} drops the row, {@code keep} puts NaN in its place (a null
 * vector cannot be kept: its size is unknown).
 *
 * <pre>{@code
 * Table withFeatures = new VectorAssembler().setInputCols("age", "income", "embedding")
 *         .setOutputCol("features").transform(people)[0];
 * }</pre>
 */
public final class VectorAssembler implements Transformer<VectorAssembler>, HasInputCols<VectorAssembler>,
        HasOutputCol<VectorAssembler>, HasHandleInvalid<VectorAssembler> {
    private final ParamMap params = new ParamMap(VectorAssembler.class);

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** The input table with the vector column added. */
    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("VectorAssembler transforms one table, got " + inputs.length);
        }
        Table table = inputs[0];
        String[] columns = getInputCols();
        String outputCol = getOutputCol();
        InputColumns.requireAbsent(table, "output", outputCol);
        ApiExpression[] args = new ApiExpression[columns.length];
        boolean[] numbers = new boolean[columns.length];
        for (int c = 0; c < columns.length; c++) {
            LogicalType type = InputColumns.require(table, "input", columns[c]);
            if (Vectors.isVector(type)) {
                args[c] = $(columns[c]).cast(Vectors.TYPE);
            } else if (type.getTypeRoot().getFamilies().contains(LogicalTypeFamily.NUMERIC)) {
                args[c] = $(columns[c]).cast(DataTypes.DOUBLE());
                numbers[c] = true;
            } else {
                throw new IllegalArgumentException("input column '" + columns[c] + "' is " + type
                        + ", neither numeric nor a vector; index strings with StringIndexer first; the table has "
                        + InputColumns.describe(table.getResolvedSchema()));
            }
        }
        AssembleVector assemble = new AssembleVector(columns, numbers, getHandleInvalid());
        Table out = table.addColumns(call(assemble, (Object[]) args).as(outputCol));
        if (SKIP.equals(getHandleInvalid())) {
            out = out.filter($(outputCol).isNotNull());
        }
        return new Table[] {out};
    }
}
