package dev.flinkjupyter.ml.feature;

import static org.apache.flink.table.api.Expressions.$;

import dev.flinkjupyter.ml.Estimator;
import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.param.HasHandleInvalid;
import dev.flinkjupyter.ml.param.HasInputCol;
import dev.flinkjupyter.ml.param.HasOutputCol;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * Learns how many categories a column of indices (0, 1, 2, ..., as {@link StringIndexer} makes)
 * has, from its largest index (a Flink aggregate: only MIN and MAX come back); its model turns each
 * index into a one-hot vector ({@code ARRAY<DOUBLE>}). With {@code dropLast} (the default) the last
 * category has no slot, so that the slots are not linearly dependent. {@code handleInvalid}:
 * {@code error} fails on an index it did not see, {@code skip} drops the row, {@code keep} adds
 * one slot for them (before the drop of the last).
 *
 * <pre>{@code
 * OneHotEncoderModel encoder = new OneHotEncoder().setInputCol("cityIndex").setOutputCol("cityVector").fit(train);
 * }</pre>
 */
public final class OneHotEncoder implements Estimator<OneHotEncoder, OneHotEncoderModel>, HasInputCol<OneHotEncoder>,
        HasOutputCol<OneHotEncoder>, HasHandleInvalid<OneHotEncoder> {
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
        String column = getInputCol();
        InputColumns.requireNumeric(table, "input", column);
        Table range = table.select($(column).cast(DataTypes.DOUBLE()).as("i")).select($("i").min(), $("i").max());
        Double min;
        Double max;
        try (CloseableIterator<Row> rows = range.execute().collect()) {
            Row row = rows.next();
            min = (Double) row.getField(0);
            max = (Double) row.getField(1);
        } catch (Exception e) {
            throw new IllegalStateException("OneHotEncoder: finding the range of '" + column + "' failed: " + e, e);
        }
        if (max == null) {
            throw new IllegalArgumentException("OneHotEncoder: column '" + column + "' has no indices (no rows, or"
                    + " only nulls)");
        }
        if (min < 0 || max != Math.rint(max) || max >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("OneHotEncoder: column '" + column + "' holds indices from " + min
                    + " to " + max + "; category indices are whole numbers from 0 (index labels with StringIndexer)");
        }
        OneHotEncoderModel model = new OneHotEncoderModel((int) (max + 1));
        model.getParamMap().set(DROP_LAST, get(DROP_LAST));
        return model.setInputCol(column).setOutputCol(getOutputCol()).setHandleInvalid(getHandleInvalid());
    }
}
