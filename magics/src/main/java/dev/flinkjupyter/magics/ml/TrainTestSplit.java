package dev.flinkjupyter.magics.ml;

import dev.flinkjupyter.ml.feature.RandomSplitter;
import org.apache.flink.table.api.Table;

/**
 * A seeded split of a table into training and test rows, by the ml module's {@link RandomSplitter}:
 * each row's side follows from its values and the seed, so the split is the same on every run
 * and at any parallelism.
 */
final class TrainTestSplit {
    private TrainTestSplit() {
    }

    /** {train, test}: the test table holds about {@code fraction} of the rows. */
    static Table[] split(Table data, double fraction, long seed) {
        RandomSplitter splitter = new RandomSplitter().setFractions(1 - fraction, fraction);
        splitter.setSeed(seed);
        return splitter.transform(data);
    }
}
