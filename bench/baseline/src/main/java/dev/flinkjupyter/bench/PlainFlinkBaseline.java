package dev.flinkjupyter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CollectionUtil;

/**
 * The reference the kernel is measured against: the benchmark's two trivial jobs on Flink's
 * <em>default</em> local environment, which starts a new MiniCluster for every job.
 *
 * <p>Times {@code --runs} runs (default 15) of each job after {@code --warmups} (default 2),
 * in one JVM, prints each run on stderr and the medians as JSON on the last line of stdout:
 * <pre>{"trivial_job_ms": 812.3, "select1_ms": 700.1, "first_job_ms": 2100.0, "rss_mib": 512.0, ...}</pre>
 * {@code first_job_ms} is the first job of the JVM (the first warm-up); {@code rss_mib} the JVM's resident
 * memory at the end.
 *
 * <p>The jobs are the same as the benchmark's kernel cells:
 * <ul>
 *   <li>trivial job: all elements of
 *       {@code getExecutionEnvironment().fromData(1, 2, 3).map(x -> x * 2).executeAndCollect()};
 *   <li>{@code SELECT 1}: all rows of {@code tEnv.executeSql("SELECT 1").collect()}, on one
 *       {@code StreamTableEnvironment} in batch mode created beforehand, as the kernel's {@code tEnv} is.
 * </ul>
 */
public final class PlainFlinkBaseline {

    public static void main(String[] args) throws Exception {
        int runs = 15;
        int warmups = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmups" -> warmups = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown argument " + args[i] + "; usage: PlainFlinkBaseline [--runs N] [--warmups W]");
                    System.exit(2);
                }
            }
        }

        double[] trivial = time("trivial_job", warmups, runs, () -> {
            // executeAndCollect() only submits the job and returns a lazy iterator: drain it, so the job is done.
            List<Integer> out = CollectionUtil.iteratorToList(StreamExecutionEnvironment.getExecutionEnvironment()
                    .fromData(1, 2, 3).map(x -> x * 2).executeAndCollect());
            expect(out.size() == 3, "trivial job returned " + out);
            return out;
        });

        // Created once, like the kernel's tEnv: the benchmark measures the job, not the planner's start.
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(
                StreamExecutionEnvironment.getExecutionEnvironment(), EnvironmentSettings.inBatchMode());
        double[] select1 = time("select1", warmups, runs, () -> {
            List<Row> rows = CollectionUtil.iteratorToList(tEnv.executeSql("SELECT 1").collect());
            expect(rows.size() == 1, "SELECT 1 returned " + rows);
            return rows;
        });

        System.out.println(String.format(Locale.ROOT,
                "{\"trivial_job_ms\": %.1f, \"select1_ms\": %.1f, \"first_job_ms\": %.1f, \"rss_mib\": %.1f, "
                        + "\"trivial_job_runs_ms\": %s, \"select1_runs_ms\": %s, \"runs\": %d, \"warmups\": %d, "
                        + "\"flink_version\": \"%s\", \"java_version\": \"%s\"}",
                median(trivial), median(select1), firstJobMs, rssMib(), json(trivial), json(select1), runs, warmups,
                org.apache.flink.runtime.util.EnvironmentInformation.getVersion(),
                System.getProperty("java.version")));
        System.out.flush();
        // Flink's local environments leave non-daemon threads behind now and then.
        System.exit(0);
    }

    /** The first job run in this JVM (a warm-up, or the first run without warm-ups), in milliseconds. */
    private static double firstJobMs = Double.NaN;

    private static double[] time(String name, int warmups, int runs, Callable<?> job) throws Exception {
        for (int i = 0; i < warmups; i++) {
            long t0 = System.nanoTime();
            job.call();
            record((System.nanoTime() - t0) / 1e6);
            System.err.printf(Locale.ROOT, "%s warm-up %d: %.1f ms%n", name, i + 1, (System.nanoTime() - t0) / 1e6);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            job.call();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            record(ms[i]);
            System.err.printf(Locale.ROOT, "%s run %d: %.1f ms%n", name, i + 1, ms[i]);
        }
        return ms;
    }

    private static void record(double ms) {
        if (Double.isNaN(firstJobMs)) {
            firstJobMs = ms;
        }
    }

    /** Resident memory of this JVM (Linux), for comparison with the kernel's; NaN elsewhere. */
    private static double rssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return Double.NaN;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String json(double[] values) {
        List<String> parts = new ArrayList<>();
        for (double v : values) {
            parts.add(String.format(Locale.ROOT, "%.1f", v));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private PlainFlinkBaseline() {
    }
}
