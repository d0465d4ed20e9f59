package dev.flinkjupyter.ml;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;

/**
 * Feature vectors are columns of type {@code ARRAY<DOUBLE>}: dense, one element per feature.
 * Why this and not a type of our own: every part of Flink carries it (SQL, the Table API, the
 * DataStream bridge, CSV and JSON formats, the notebook's table display) with no type to register,
 * and users can read an element in SQL ({@code features[1]}) or build a vector with
 * {@code ARRAY[CAST(a AS DOUBLE), ...]}. In Java a value arrives as {@code Double[]} (or
 * {@code double[]} for {@code ARRAY<DOUBLE NOT NULL>}); {@link #toArray(Object, String)} reads both.
 */
public final class Vectors {
    /** The type of a vector column: {@code ARRAY<DOUBLE>}. */
    public static final DataType TYPE = DataTypes.ARRAY(DataTypes.DOUBLE());

    private Vectors() {
    }

    /** Whether a column of this type holds vectors: an array of any numeric type. */
    public static boolean isVector(LogicalType type) {
        return type instanceof ArrayType array
                && array.getElementType().getTypeRoot().getFamilies().contains(LogicalTypeFamily.NUMERIC);
    }

    /**
     * A vector value as a {@code double[]}: from {@code double[]}, {@code Double[]} or any
     * {@code Number[]}. A null vector or element fails with an error naming the column.
     */
    public static double[] toArray(Object value, String column) {
        if (value instanceof double[] doubles) {
            return doubles;
        }
        if (value instanceof Number[] numbers) {
            double[] out = new double[numbers.length];
            for (int i = 0; i < numbers.length; i++) {
                if (numbers[i] == null) {
                    throw new IllegalArgumentException("column '" + column + "' holds a vector with a null at index "
                            + i + "; fill missing values first (Imputer) or filter the rows");
                }
                out[i] = numbers[i].doubleValue();
            }
            return out;
        }
        if (value == null) {
            throw new IllegalArgumentException("column '" + column + "' holds a null vector; filter the rows first");
        }
        throw new IllegalArgumentException("column '" + column + "' holds a " + value.getClass().getSimpleName()
                + ", not a vector (ARRAY<DOUBLE>)");
    }

    /** A {@code double[]} as the value of an {@code ARRAY<DOUBLE>} column. */
    public static Double[] boxed(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
