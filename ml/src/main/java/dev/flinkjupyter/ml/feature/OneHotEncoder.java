package dev.flinkjupyter.ml.feature;

import static org.apache.flink.table.api.Expressions.$;

import dev.flinkjupyter.ml.Estimator;
import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.param.HasHandleInvalid;
import dev.flinkjupyter.ml.param.HasInputCol;
import dev.flinkjupyter.ml.param.HasInputCols;
import dev.flinkjupyter.ml.param.HasOutputCol;
import dev.flinkjupyter.ml.param.HasOutputCols;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.expressions.Expression;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * Learns how many categories each column of indices (0, 1, 2, ..., as {@link StringIndexer} makes)
 * has, from its largest index (one Flink aggregate over all the columns: only their MIN and MAX
 * come back); its model turns each index into a one-hot vector ({@code ARRAY<DOUBLE>}), one output
 * column per input column. With {@code dropLast} (the default) the last category has no slot, so
 * that the slots are not linearly dependent. {@code handleInvalid}: {@code error} fails on an index
 * it did not see, {@code skip} drops the row, {@code keep} adds one slot for them (before the drop
 * of the last).
 *
 * <p>One column: {@code setInputCol}/{@code setOutputCol}; several: {@code setInputCols}/{@code setOutputCols},
 * one output per input. Setting both forms of the input is an error.
 *
 * <pre>{@code
 * OneHotEncoderModel encoder = new OneHotEncoder().setInputCol("cityIndex").setOutputCol("cityVector").fit(train);
 * OneHotEncoderModel both = new OneHotEncoder().setInputCols("cityIndex", "sizeIndex")
 *         .setOutputCols("cityVector", "sizeVector").fit(train);
 * }</pre>
 */
public final class OneHotEncoder implements Estimator<OneHotEncoder, OneHotEncoderModel>, HasInputCol<OneHotEncoder>,
        HasInputCols<OneHotEncoder>, HasOutputCol<OneHotEncoder>, HasOutputCols<OneHotEncoder>,
        HasHandleInvalid<OneHotEncoder> {
    /** Whether the last category gets no slot. */
    public static final Param<Boolean> DROP_LAST = new Param<>("dropLast", Boolean.class,
            "Whether the last category gets no slot (all zeros), so that the slots are independent.", true,
            ParamValidator.notNull());

    private final ParamMap params = new ParamMap(OneHotEncoder.class);

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** Sets whether the last category gets no slot (default true). */
    public OneHotEncoder setDropLast(boolean dropLast) {
        return set(DROP_LAST, dropLast);
    }

    @Override
    public OneHotEncoderModel fit(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("OneHotEncoder fits one table, got " + inputs.length);
        }
        Table table = inputs[0];
        ColumnPairs columns = ColumnPairs.of(this);
        String[] names = columns.inputs();
        for (String column : names) {
            InputColumns.requireNumeric(table, "input", column);
        }
        columns.requireOutputsAbsent(table);
        // one aggregate over every column: MIN and MAX of each, side by side
        Expression[] indices = new Expression[names.length];
        Expression[] ranges = new Expression[2 * names.length];
        for (int i = 0; i < names.length; i++) {
            indices[i] = $(names[i]).cast(DataTypes.DOUBLE()).as("i" + i);
            ranges[2 * i] = $("i" + i).min();
            ranges[2 * i + 1] = $("i" + i).max();
        }
        Table range = table.select(indices).select(ranges);
        Row row;
        try (CloseableIterator<Row> rows = range.execute().collect()) {
            row = rows.next();
        } catch (Exception e) {
            throw new IllegalStateException("OneHotEncoder: finding the range of " + String.join(", ", names)
                    + " failed: " + e, e);
        }
        int[] categories = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            Double min = (Double) row.getField(2 * i);
            Double max = (Double) row.getField(2 * i + 1);
            if (max == null) {
                throw new IllegalArgumentException("OneHotEncoder: column '" + names[i] + "' has no indices (no rows,"
                        + " or only nulls)");
            }
            if (min < 0 || max != Math.rint(max) || max >= Integer.MAX_VALUE) {
                throw new IllegalArgumentException("OneHotEncoder: column '" + names[i] + "' holds indices from " + min
                        + " to " + max + "; category indices are whole numbers from 0 (index labels with StringIndexer)");
            }
            categories[i] = (int) (max + 1);
        }
        OneHotEncoderModel model = new OneHotEncoderModel(categories);
        model.getParamMap().set(DROP_LAST, get(DROP_LAST));
        ColumnPairs.copy(this, model);
        return model.setHandleInvalid(getHandleInvalid());
    }
}
