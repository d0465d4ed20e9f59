package dev.flinkjupyter.ml.feature;

import static org.apache.flink.table.api.Expressions.$;

import dev.flinkjupyter.ml.DataPass;
import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.TableStreams;
import dev.flinkjupyter.ml.Vectors;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;

/**
 * Per element of a vector column: the count, mean, sum of squared deviations (Welford, merged by
 * Chan's rule), minimum and maximum, from one Flink pass. What the scalers learn from.
 *
 * <p>A bad row (a null vector, a null element, a vector of another size) is carried back in the
 * accumulator and thrown here rather than in the task: in Flink 2.3 an exception thrown inside a
 * {@code fullWindowPartition()} function stops the JVM instead of failing the job.
 */
final class VectorSummary implements AggregateFunction<Row, VectorSummary.Stats, Void> {
    private final String column;

    private VectorSummary(String column) {
        this.column = column;
    }

    /** The statistics of a vector column of a table; an empty table or a bad row fails, naming the column. */
    static Stats of(Table table, String column, String jobName) {
        InputColumns.requireVector(table, "input", column);
        Table selected = table.select($(column).cast(Vectors.TYPE));
        Stats stats = DataPass.run(TableStreams.environmentOf(table).toDataStream(selected), new VectorSummary(column),
                jobName);
        if (stats.problem != null) {
            throw new IllegalArgumentException(stats.problem);
        }
        if (stats.count == 0) {
            throw new IllegalArgumentException("cannot fit on an empty table: column '" + column + "' has no rows");
        }
        return stats;
    }

    /** The statistics of some rows. */
    static final class Stats implements Serializable {
        private static final long serialVersionUID = 1L;
        long count;
        double[] mean;
        double[] deviation;
        double[] min;
        double[] max;
        String problem;

        /** The sample standard deviation of each element (n - 1 in the denominator); 0 for one row. */
        double[] std() {
            double[] std = new double[mean.length];
            for (int j = 0; j < std.length; j++) {
                std[j] = count > 1 ? Math.sqrt(deviation[j] / (count - 1)) : 0;
            }
            return std;
        }
    }

    @Override
    public Stats createAccumulator() {
        return new Stats();
    }

    @Override
    public Stats add(Row row, Stats s) {
        if (s.problem != null) {
            return s;
        }
        double[] x;
        try {
            x = Vectors.toArray(row.getField(0), column);
        } catch (IllegalArgumentException e) {
            s.problem = e.getMessage();
            return s;
        }
        if (s.mean == null) {
            s.mean = new double[x.length];
            s.deviation = new double[x.length];
            s.min = new double[x.length];
            s.max = new double[x.length];
            Arrays.fill(s.min, Double.POSITIVE_INFINITY);
            Arrays.fill(s.max, Double.NEGATIVE_INFINITY);
        } else if (x.length != s.mean.length) {
            s.problem = "column '" + column + "' holds vectors of " + s.mean.length + " and of " + x.length
                    + " elements; all must have the same size";
            return s;
        }
        s.count++;
        for (int j = 0; j < x.length; j++) {
            double d = x[j] - s.mean[j];
            s.mean[j] += d / s.count;
            s.deviation[j] += d * (x[j] - s.mean[j]);
            s.min[j] = Math.min(s.min[j], x[j]);
            s.max[j] = Math.max(s.max[j], x[j]);
        }
        return s;
    }

    @Override
    public Void getResult(Stats s) {
        return null;
    }

    @Override
    public Stats merge(Stats a, Stats b) {
        if (a.problem == null && b.problem != null) {
            a.problem = b.problem;
        }
        if (b.count == 0) {
            return a;
        }
        if (a.count == 0) {
            b.problem = a.problem != null ? a.problem : b.problem;
            return b;
        }
        if (a.mean.length != b.mean.length) {
            a.problem = "column '" + column + "' holds vectors of " + a.mean.length + " and of " + b.mean.length
                    + " elements; all must have the same size";
            return a;
        }
        long n = a.count + b.count;
        for (int j = 0; j < a.mean.length; j++) {
            double d = b.mean[j] - a.mean[j];
            a.deviation[j] += b.deviation[j] + d * d * a.count * b.count / n;
            a.mean[j] += d * b.count / n;
            a.min[j] = Math.min(a.min[j], b.min[j]);
            a.max[j] = Math.max(a.max[j], b.max[j]);
        }
        a.count = n;
        return a;
    }
}
