package dev.flinkjupyter.ml.feature;

import java.util.Arrays;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.InputGroup;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * A number in [0, 1) drawn from a row's values and a seed, as a function in a Flink query: the
 * same row and seed give the same draw on any subtask, at any parallelism, in any order of
 * arrival. Identical rows draw the same number.
 */
public final class RowDraw extends ScalarFunction {
    private final long seed;

    RowDraw(long seed) {
        this.seed = seed;
    }

    /** The draw for a row's values. */
    public Double eval(@DataTypeHint(inputGroup = InputGroup.ANY) Object... values) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (Object value : values) {
            h = mix(h * 31 + hash(value));
        }
        return (mix(h) >>> 11) * 0x1.0p-53;
    }

    /** A hash of the value's content that is the same in every JVM (arrays by their elements). */
    static long hash(Object value) {
        if (value == null) {
            return 0x632BE59BD9B4E019L;
        }
        if (value instanceof Object[] array) {
            return Arrays.deepHashCode(array);
        }
        if (value instanceof double[] doubles) {
            return Arrays.hashCode(doubles);
        }
        if (value instanceof byte[] bytes) {
            return Arrays.hashCode(bytes);
        }
        if (value instanceof Double d) {
            return Double.doubleToLongBits(d);
        }
        if (value instanceof Long l) {
            return l;
        }
        return value.hashCode();
    }

    /** The finaliser of MurmurHash3 (64 bit): spreads every input bit over the output. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB93FE53B8653L;
        h ^= h >>> 33;
        return h;
    }
}
