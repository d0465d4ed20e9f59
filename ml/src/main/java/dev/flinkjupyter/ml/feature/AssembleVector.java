package dev.flinkjupyter.ml.feature;

import dev.flinkjupyter.ml.param.HasHandleInvalid;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.InputGroup;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * Concatenates numbers and vectors into one vector, as a function in a Flink query. A null (a
 * number, a vector, or an element of one) is handled as {@code handleInvalid} says: fail naming
 * the column and the row's values, return null (the assembler then drops the row), or keep it as
 * NaN.
 */
public final class AssembleVector extends ScalarFunction {
    private final String[] columns;
    private final boolean[] numberColumns;
    private final String handleInvalid;

    /** Columns by name; {@code numberColumns} marks the numbers among them (the rest are vectors). */
    AssembleVector(String[] columns, boolean[] numberColumns, String handleInvalid) {
        this.columns = columns.clone();
        this.numberColumns = numberColumns.clone();
        this.handleInvalid = handleInvalid;
    }

    /** The vector of the values, in column order. */
    public @DataTypeHint("ARRAY<DOUBLE>") Double[] eval(@DataTypeHint(inputGroup = InputGroup.ANY) Object... values) {
        List<Double> out = new ArrayList<>();
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value instanceof Number n) {
                out.add(n.doubleValue());
            } else if (value instanceof Object[] vector) {
                for (Object element : vector) {
                    if (element == null && !invalid(c, values)) {
                        return null;
                    }
                    out.add(element == null ? Double.NaN : ((Number) element).doubleValue());
                }
            } else if (value instanceof double[] vector) {
                for (double v : vector) {
                    out.add(v);
                }
            } else if (value == null) {
                if (!invalid(c, values)) {
                    return null;
                }
                out.add(Double.NaN);
            } else {
                throw new IllegalArgumentException("VectorAssembler: column '" + columns[c] + "' holds a "
                        + value.getClass().getSimpleName() + ", not a number or a vector");
            }
        }
        return out.toArray(Double[]::new);
    }

    /** Whether to keep the row with a NaN; false to skip it; throws for {@code error}. */
    private boolean invalid(int column, Object[] values) {
        switch (handleInvalid) {
            case HasHandleInvalid.SKIP:
                return false;
            case HasHandleInvalid.KEEP:
                if (values[column] == null && !numberColumns[column]) {
                    throw new IllegalArgumentException("VectorAssembler: vector column '" + columns[column]
                            + "' holds a null in the row " + describe(values)
                            + "; handleInvalid=keep cannot tell its size: use skip, or fill it first");
                }
                return true;
            default:
                throw new IllegalArgumentException("VectorAssembler: column '" + columns[column] + "' holds a null"
                        + (values[column] == null ? "" : " element") + " in the row " + describe(values)
                        + "; set handleInvalid to skip (drop such rows) or keep (NaN), or fill it first (Imputer)");
        }
    }

    private String describe(Object[] values) {
        StringBuilder text = new StringBuilder("(");
        for (int c = 0; c < values.length; c++) {
            if (c > 0) {
                text.append(", ");
            }
            Object v = values[c];
            text.append(columns[c]).append('=').append(v instanceof Object[] a ? java.util.Arrays.toString(a)
                    : v instanceof double[] d ? java.util.Arrays.toString(d) : String.valueOf(v));
        }
        return text.append(')').toString();
    }
}
