package dev.flinkjupyter.ml.clustering;

import dev.flinkjupyter.ml.FeatureBlock;
import dev.flinkjupyter.ml.classification.ClassStatistics;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * One pass for {@link ClusteringEvaluator}: per cluster, the weight, mean and squared deviations
 * of its rows ({@link ClassStatistics}, with the cluster id as the class), and a seeded sample of
 * at most {@code perCluster} of its rows (those with the smallest {@link SeededUniform} draws,
 * so the sample does not depend on how the rows are split between subtasks).
 */
final class ClusterSample implements AggregateFunction<FeatureBlock, ClusterSample.Acc, Object> {
    static final class Acc implements Serializable {
        ClassStatistics.Acc statistics;
        final TreeMap<Double, InitialCentres.Draws> samples = new TreeMap<>();
    }

    private final ClassStatistics statistics = new ClassStatistics();
    private final int perCluster;
    private final long seed;

    ClusterSample(int perCluster, long seed) {
        this.perCluster = perCluster;
        this.seed = seed;
    }

    @Override
    public Acc createAccumulator() {
        Acc acc = new Acc();
        acc.statistics = statistics.createAccumulator();
        return acc;
    }

    @Override
    public Acc add(FeatureBlock block, Acc acc) {
        acc.statistics = statistics.add(block, acc.statistics);
        for (int r = 0; r < block.rows; r++) {
            InitialCentres.Draws draws = acc.samples.computeIfAbsent(block.labels[r],
                    l -> new InitialCentres.Draws(perCluster));
            double u = SeededUniform.of(seed, 1, block.features, r * block.dim, block.dim);
            draws.offer(u, block.features, r * block.dim, block.dim);
        }
        return acc;
    }

    @Override
    public Acc merge(Acc a, Acc b) {
        a.statistics = statistics.merge(a.statistics, b.statistics);
        for (Map.Entry<Double, InitialCentres.Draws> entry : b.samples.entrySet()) {
            InitialCentres.Draws mine = a.samples.get(entry.getKey());
            if (mine == null) {
                a.samples.put(entry.getKey(), entry.getValue());
            } else {
                InitialCentres.Draws theirs = entry.getValue();
                for (int i = 0; i < theirs.size; i++) {
                    mine.offer(theirs.keys[i], theirs.points[i], 0, theirs.points[i].length);
                }
            }
        }
        return a;
    }

    @Override
    public Object getResult(Acc acc) {
        return acc;
    }
}
