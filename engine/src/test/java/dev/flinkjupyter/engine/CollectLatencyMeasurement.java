package dev.flinkjupyter.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.apache.flink.util.CollectionUtil;

/**
 * Measures warm collect jobs on the engine's shared cluster; prints, asserts nothing. Uses only the
 * engine's public API, so the same class also measures an older build of the engine.
 *
 * <p>Run: {@code java -cp <engine test classpath> dev.flinkjupyter.engine.CollectLatencyMeasurement [runs] [parallelism...]}
 * (defaults: 20 runs, parallelism 1 and 2). Each measurement starts a fresh engine, runs 5 jobs of
 * each kind to warm up, then the measured ones; a job counts until its results are read to the end.
 */
public final class CollectLatencyMeasurement {

    private static final int WARM_UP = 5;

    private CollectLatencyMeasurement() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<Integer> parallelisms = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            parallelisms.add(Integer.parseInt(args[i]));
        }
        if (parallelisms.isEmpty()) {
            parallelisms = List.of(1, 2);
        }
        for (int parallelism : parallelisms) {
            measure(runs, parallelism);
        }
    }

    private static void measure(int runs, int parallelism) throws Exception {
        Path tmp = Files.createTempDirectory("collect-latency-");
        try (FlinkEngine engine = FlinkEngine.create(EngineOptions.of(tmp).withParallelism(parallelism))) {
            var env = engine.environment();
            var tEnv = engine.tableEnvironment();
            Supplier<List<?>> dataStream = () -> {
                try {
                    return CollectionUtil.iteratorToList(env.fromData(1, 2, 3).map(x -> x * 2).executeAndCollect());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            Supplier<List<?>> sql = () -> CollectionUtil.iteratorToList(tEnv.executeSql("SELECT 1").collect());
            report("trivial DataStream job", parallelism, time(dataStream, runs, 3));
            report("SELECT 1", parallelism, time(sql, runs, 1));
        }
    }

    private static List<Double> time(Supplier<List<?>> job, int runs, int expectedRows) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < WARM_UP + runs; i++) {
            long start = System.nanoTime();
            List<?> rows = job.get();
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (rows.size() != expectedRows) {
                throw new IllegalStateException("expected " + expectedRows + " rows, got " + rows);
            }
            if (i >= WARM_UP) {
                millis.add(elapsed);
            }
        }
        return millis;
    }

    private static void report(String what, int parallelism, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double median = sorted.size() % 2 == 1
                ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        StringBuilder all = new StringBuilder();
        for (double m : sorted) {
            all.append(all.isEmpty() ? "" : " ").append(Math.round(m));
        }
        System.out.printf("[collect] %-22s parallelism %d: median %4.0f ms over %d runs (sorted: %s)%n",
                what, parallelism, median, millis.size(), all);
    }
}
