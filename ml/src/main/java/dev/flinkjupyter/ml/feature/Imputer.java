package dev.flinkjupyter.ml.feature;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;
import static org.apache.flink.table.api.Expressions.lit;

import dev.flinkjupyter.ml.Estimator;
import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.param.HasInputCols;
import dev.flinkjupyter.ml.param.HasOutputCols;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * Learns, for each input column, a value to put where one is missing (null, or equal to
 * {@code missingValue}, NaN by default): the {@code mean} (the default), the {@code median} or the
 * {@code mostFrequent} of the present values. Its model adds one filled {@code DOUBLE} column per
 * input column.
 *
 * <p>Computed by Flink SQL aggregates, of which only the results come back: {@code AVG}, and for
 * the median Flink's {@code PERCENTILE(x, 0.5)}, which is exact (halfway between the two middle
 * values for an even count; Flink keeps each distinct value and its count in the aggregate's state,
 * in the cluster); the most frequent value is a {@code GROUP BY} ordered by count, then by value
 * (the smallest wins a tie).
 *
 * <pre>{@code
 * ImputerModel fill = new Imputer().setInputCols("age", "income").setOutputCols("age2", "income2")
 *         .setStrategy("median").fit(train);
 * }</pre>
 */
public final class Imputer implements Estimator<Imputer, ImputerModel>, HasInputCols<Imputer>, HasOutputCols<Imputer> {
    /** The mean of the present values. */
    public static final String MEAN = "mean";
    /** The median of the present values. */
    public static final String MEDIAN = "median";
    /** The most frequent present value. */
    public static final String MOST_FREQUENT = "mostFrequent";

    /** What fills a missing value. */
    public static final Param<String> STRATEGY = new Param<>("strategy", String.class,
            "What fills a missing value: mean, median or mostFrequent of the present values.", MEAN,
            ParamValidator.inArray(MEAN, MEDIAN, MOST_FREQUENT));
    /** The value that stands for missing, besides null. */
    public static final Param<Double> MISSING_VALUE = new Param<>("missingValue", Double.class,
            "The value that stands for missing, besides null (NaN by default).", Double.NaN, ParamValidator.notNull());

    private final ParamMap params = new ParamMap(Imputer.class);

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** Sets what fills a missing value: mean (default), median or mostFrequent. */
    public Imputer setStrategy(String strategy) {
        return set(STRATEGY, strategy);
    }

    /** Sets the value that stands for missing besides null (default NaN). */
    public Imputer setMissingValue(double value) {
        return set(MISSING_VALUE, value);
    }

    @Override
    public ImputerModel fit(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("Imputer fits one table, got " + inputs.length);
        }
        Table table = inputs[0];
        String[] columns = getInputCols();
        if (getOutputCols().length != columns.length) {
            throw new IllegalArgumentException("Imputer: " + columns.length + " input columns but "
                    + getOutputCols().length + " output columns; give one output per input");
        }
        for (String column : columns) {
            InputColumns.requireNumeric(table, "input", column);
        }
        MissingValue present = new MissingValue(get(MISSING_VALUE), null);
        ApiExpression[] values = new ApiExpression[columns.length];
        for (int c = 0; c < columns.length; c++) {
            values[c] = call(present, $(columns[c]).cast(DataTypes.DOUBLE())).as("c" + c);
        }
        Table presentValues = table.select(values);
        double[] surrogates = switch (get(STRATEGY)) {
            case MEDIAN -> aggregate(presentValues, columns, c -> call("PERCENTILE", $("c" + c), lit(0.5)));
            case MOST_FREQUENT -> mostFrequent(presentValues, columns);
            default -> aggregate(presentValues, columns, c -> $("c" + c).avg());
        };
        ImputerModel model = new ImputerModel(surrogates);
        model.getParamMap().set(MISSING_VALUE, get(MISSING_VALUE));
        model.getParamMap().set(ImputerModel.STRATEGY, get(STRATEGY));
        return model.setInputCols(columns).setOutputCols(getOutputCols());
    }

    /** One aggregate per column in one query; a column with no present value fails. */
    private static double[] aggregate(Table present, String[] columns,
            java.util.function.IntFunction<ApiExpression> aggregate) {
        ApiExpression[] aggregates = new ApiExpression[columns.length];
        for (int c = 0; c < columns.length; c++) {
            aggregates[c] = aggregate.apply(c).cast(DataTypes.DOUBLE());
        }
        Row row = only(present.select(aggregates), columns);
        double[] out = new double[columns.length];
        for (int c = 0; c < columns.length; c++) {
            out[c] = requirePresent(row == null ? null : (Double) row.getField(c), columns[c]);
        }
        return out;
    }

    private static double[] mostFrequent(Table present, String[] columns) {
        double[] out = new double[columns.length];
        for (int c = 0; c < columns.length; c++) {
            String v = "c" + c;
            Table top = present.select($(v)).filter($(v).isNotNull()).groupBy($(v))
                    .select($(v), lit(1).count().as("n")).orderBy($("n").desc(), $(v).asc()).fetch(1);
            Row row = only(top, columns);
            out[c] = requirePresent(row == null ? null : (Double) row.getField(0), columns[c]);
        }
        return out;
    }

    private static Row only(Table table, String[] columns) {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = table.execute().collect()) {
            it.forEachRemaining(rows::add);
        } catch (Exception e) {
            throw new IllegalStateException("Imputer: the aggregate over " + String.join(", ", columns) + " failed: "
                    + e, e);
        }
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static double requirePresent(Double value, String column) {
        if (value == null) {
            throw new IllegalArgumentException("Imputer: column '" + column + "' has no present value to learn from"
                    + " (no rows, or all missing)");
        }
        return value;
    }
}
