package dev.flinkjupyter.magics.ml;

import org.apache.flink.table.api.Table;

/** A seeded split of a table into training and test rows. */
final class TrainTestSplit {
    private TrainTestSplit() {
    }

    /** {train, test}: the test table holds about {@code fraction} of the rows. */
    static Table[] split(Table data, double fraction, long seed) {
        throw new UnsupportedOperationException("TODO: RandomSplitter from ml3");
    }
}
