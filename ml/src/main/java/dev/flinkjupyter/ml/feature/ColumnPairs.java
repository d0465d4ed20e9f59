package dev.flinkjupyter.ml.feature;

import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.WithParams;
import dev.flinkjupyter.ml.param.HasInputCol;
import dev.flinkjupyter.ml.param.HasInputCols;
import dev.flinkjupyter.ml.param.HasOutputCol;
import dev.flinkjupyter.ml.param.HasOutputCols;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.table.api.Table;

/**
 * The input columns of a feature stage that maps columns one to one, and the output column of
 * each. A stage takes either {@code inputCol}/{@code outputCol} (one column, as before) or
 * {@code inputCols}/{@code outputCols} (several, as Flink ML does); {@code inputCol} is read as
 * {@code inputCols} of one column.
 */
record ColumnPairs(String[] inputs, String[] outputs) {
    private static final List<Param<?>> PARAMS =
            List.of(HasInputCol.INPUT_COL, HasInputCols.INPUT_COLS, HasOutputCol.OUTPUT_COL, HasOutputCols.OUTPUT_COLS);

    /** The columns set on a stage; fails naming what is missing, doubled or of different lengths. */
    static ColumnPairs of(WithParams<?> stage) {
        String name = stage.getClass().getSimpleName();
        String[] inputs = oneOf(name, stage.getParamMap(), HasInputCol.INPUT_COL, HasInputCols.INPUT_COLS);
        String[] outputs = oneOf(name, stage.getParamMap(), HasOutputCol.OUTPUT_COL, HasOutputCols.OUTPUT_COLS);
        if (inputs.length != outputs.length) {
            throw new IllegalArgumentException(name + ": " + inputs.length + " input columns " + Arrays.toString(inputs)
                    + " but " + outputs.length + " output columns " + Arrays.toString(outputs)
                    + "; give one output column per input column");
        }
        Set<String> seen = new HashSet<>();
        for (String output : outputs) {
            if (!seen.add(output)) {
                throw new IllegalArgumentException(name + ": the output column '" + output + "' is named twice in "
                        + Arrays.toString(outputs));
            }
        }
        return new ColumnPairs(inputs, outputs);
    }

    /** The input columns set on a stage, or none when neither form is set; fails when both are. */
    static String[] inputsOf(WithParams<?> stage) {
        ParamMap params = stage.getParamMap();
        if (params.values().get(HasInputCol.INPUT_COL) == null && params.values().get(HasInputCols.INPUT_COLS) == null) {
            return new String[0];
        }
        return oneOf(stage.getClass().getSimpleName(), params, HasInputCol.INPUT_COL, HasInputCols.INPUT_COLS);
    }

    private static String[] oneOf(String stage, ParamMap params, Param<String> single, Param<String[]> several) {
        String one = (String) params.values().get(single);
        String[] many = (String[]) params.values().get(several);
        if (one != null && many != null) {
            throw new IllegalArgumentException(stage + ": both " + single.name() + " ('" + one + "') and "
                    + several.name() + " " + Arrays.toString(many) + " are set; set one of them");
        }
        if (one == null && many == null) {
            throw new IllegalArgumentException(stage + ": set " + single.name() + " (one column) or " + several.name()
                    + " (several)");
        }
        return one != null ? new String[] {one} : many.clone();
    }

    /** How many columns. */
    int size() {
        return inputs.length;
    }

    /** Fails when an output column exists in the table already. */
    void requireOutputsAbsent(Table table) {
        for (String output : outputs) {
            if (table.getResolvedSchema().getColumn(output).isPresent()) {
                throw new IllegalArgumentException("output column '" + output + "' exists already; choose another"
                        + " name (the table has " + InputColumns.describe(table.getResolvedSchema()) + ")");
            }
        }
    }

    /** Sets on {@code target} the column parameters that are set on {@code source}, so a model keeps the estimator's form. */
    static void copy(WithParams<?> source, WithParams<?> target) {
        for (Param<?> param : PARAMS) {
            Object value = source.getParamMap().values().get(param);
            if (value != null) {
                set(target, param, value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(WithParams<?> target, Param<T> param, Object value) {
        target.getParamMap().set(param, (T) value);
    }
}
