package dev.flinkjupyter.ml.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.BasicArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

/** Seeded synthetic data with a known truth, and the tables that hold it. */
public final class Synthetic {
    private Synthetic() {
    }

    /** Points around given centres: {@code perCentre} each, Gaussian noise of standard deviation {@code sd}. */
    public static double[][] blobs(double[][] centres, int perCentre, double sd, long seed) {
        Random random = new Random(seed);
        double[][] points = new double[centres.length * perCentre][];
        for (int i = 0; i < points.length; i++) {
            double[] c = centres[i % centres.length];
            double[] p = new double[c.length];
            for (int j = 0; j < c.length; j++) {
                p[j] = c[j] + sd * random.nextGaussian();
            }
            points[i] = p;
        }
        return points;
    }

    /** A table with a {@code features ARRAY<DOUBLE>} column and a {@code label DOUBLE} column. */
    public static Table table(StreamTableEnvironment tEnv, double[][] features, double[] labels) {
        List<Row> rows = new ArrayList<>(features.length);
        for (int i = 0; i < features.length; i++) {
            Double[] boxed = new Double[features[i].length];
            for (int j = 0; j < boxed.length; j++) {
                boxed[j] = features[i][j];
            }
            rows.add(Row.of(boxed, labels == null ? 0.0 : labels[i]));
        }
        RowTypeInfo type = new RowTypeInfo(new org.apache.flink.api.common.typeinfo.TypeInformation<?>[] {
            BasicArrayTypeInfo.DOUBLE_ARRAY_TYPE_INFO, Types.DOUBLE}, new String[] {"features", "label"});
        return tEnv.fromDataStream(LocalFlink.environmentOf(tEnv).fromData(rows, type));
    }
}
