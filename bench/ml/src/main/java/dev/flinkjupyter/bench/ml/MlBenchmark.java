package dev.flinkjupyter.bench.ml;

import dev.flinkjupyter.ml.TrainingData;
import dev.flinkjupyter.ml.classification.LogisticRegression;
import dev.flinkjupyter.ml.classification.LogisticRegressionModel;
import dev.flinkjupyter.ml.clustering.KMeans;
import dev.flinkjupyter.ml.clustering.KMeansModel;
import dev.flinkjupyter.engine.EngineOptions;
import dev.flinkjupyter.engine.FlinkEngine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * The ml benchmark (issue 5): logistic regression's unit of work and k-means (k=10) on 1M rows x 20
 * features, parallelism 2, next to Smile and a plain Java loop on the same data, in one run.
 * Flink runs on the kernel's engine ({@link FlinkEngine}: one local cluster, jobs submitted to it
 * directly), as in a notebook. Prints a Markdown report; {@code bench/ml/run.sh} runs it and keeps
 * the report in {@code bench/ml/results.md}. It asserts nothing, it measures.
 *
 * <p>Arguments: {@code report.md [rows] [parallelism] [parts]}, by default 1000000 rows, parallelism 2
 * and every part; {@code parts} is a comma-separated subset of {@code passes,fit,kmeans,csv} ({@code csv}:
 * only the figures read from the CSV file, see {@link CsvToModel}).
 * The report goes to the file; standard output carries the engine's job progress lines.
 */
public final class MlBenchmark {
    private static final int DIM = 20;
    private static final long SEED = 2026;
    private final List<String> lines = new ArrayList<>();
    private final java.util.Map<StreamTableEnvironment, StreamExecutionEnvironment> environments =
            new java.util.IdentityHashMap<>();
    private final int rows;
    private final int parallelism;
    private final List<String> parts;

    private MlBenchmark(int rows, int parallelism, List<String> parts) {
        this.rows = rows;
        this.parallelism = parallelism;
        this.parts = parts;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: MlBenchmark report.md [rows] [parallelism]");
        }
        Path report = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<String> parts = List.of((args.length > 3 ? args[3] : "passes,fit,kmeans").split(","));
        Path engineDir = Files.createTempDirectory("ml-bench-engine");
        try (FlinkEngine engine = FlinkEngine.create(EngineOptions.of(engineDir).withFlinkConfiguration(flinkSettings())
                .withParallelism(parallelism).withTaskSlots(Math.max(4, 2 * parallelism)))) {
            engine.tableEnvironment(); // starts the cluster: not part of any figure
            new MlBenchmark(rows, parallelism, parts).run(report);
        }
        System.exit(0);
    }

    /**
     * Flink settings for the engine from the system property {@code bench.flink}, as
     * {@code key=value;key=value}: to measure a setting's effect (e.g. shuffle compression).
     */
    private static java.util.Map<String, String> flinkSettings() {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (String entry : System.getProperty("bench.flink", "").split(";")) {
            if (!entry.isBlank()) {
                int eq = entry.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("bench.flink: expected key=value, got '" + entry + "'");
                }
                settings.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
            }
        }
        return settings;
    }

    private void run(Path report) throws Exception {
        Locale.setDefault(Locale.ROOT);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        line("# ml benchmark: " + rows + " rows x " + DIM + " features, parallelism " + parallelism);
        line("");
        line("JVM " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, load average at start " + String.format("%.1f", load) + "; one run; times are wall clock."
                + (flinkSettings().isEmpty() ? "" : " Flink settings: " + flinkSettings() + "."));
        line("");
        BenchData logistic = new BenchData(BenchData.Kind.LOGISTIC, SEED, DIM);
        double[] y = new double[rows];
        double[][] x = logistic.rows(0, rows, y);
        int heldOut = Math.max(rows / 5, 1000);
        double[] testY = new double[heldOut];
        double[][] testX = logistic.rows(rows, rows + heldOut, testY);

        Path csv = writeCsv(x, y);
        try {
            if (parts.contains("passes")) {
                gradientPasses(logistic, x, y, csv);
            }
            if (parts.contains("fit")) {
                logisticFits(logistic, x, y, testX, testY, csv);
            }
            if (parts.contains("csv") && !parts.contains("passes") && !parts.contains("fit")) {
                section("From the CSV file");
                csvPasses(csv);
                csvFits(csv, testX, testY);
            }
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(csv.getParent());
        }
        x = null;
        y = null;
        if (!parts.contains("kmeans")) {
            Files.writeString(report, String.join("\n", lines) + "\n");
            return;
        }

        section("k-means, k = 10, 10 real clusters");
        BenchData blobs = new BenchData(BenchData.Kind.BLOBS, SEED, DIM);
        double[] cluster = new double[rows];
        double[][] points = blobs.rows(0, rows, cluster);
        long start = System.nanoTime();
        smile.clustering.KMeans smileKm = smile.clustering.KMeans.fit(points, BenchData.CLUSTERS);
        double smileKmMs = millis(start);
        line(String.format("| Smile KMeans.fit (data in memory) | %.0f ms | inertia %.6g |", smileKmMs,
                smileKm.distortion));
        kmeans(blobs, points, rows, parallelism);
        for (int[] setting : growth()) {
            kmeans(blobs, setting[0] == rows ? points : null, setting[0], setting[1]);
        }
        Files.writeString(report, String.join("\n", lines) + "\n");
    }

    private void gradientPasses(BenchData logistic, double[][] x, double[] y, Path csv) {
        section("Logistic regression: one full-batch gradient pass");
        double plainMs = plainLoop(x, y);
        line(String.format("| plain Java loop over double[][] (median of 7) | %.1f ms |", plainMs));
        passes(logistic, rows, parallelism, "engine");
        for (int[] setting : growth()) {
            passes(logistic, setting[0], setting[1], "engine");
        }
        csvPasses(csv);
    }

    /**
     * Our LogisticRegression against Smile's on the same rows: fit time from rows made in the
     * engine and from the CSV file, held-out accuracy on the same held-out rows, and growth.
     */
    private void logisticFits(BenchData logistic, double[][] x, double[] y, double[][] testX, double[] testY,
            Path csv) {
        section("Logistic regression: fit, ours against Smile's");
        long start = System.nanoTime();
        smile.classification.LogisticRegression smileLr = smile.classification.LogisticRegression.binomial(
                x, Arrays.stream(y).mapToInt(v -> (int) v).toArray());
        double smileFit = millis(start);
        int correct = 0;
        for (int i = 0; i < testX.length; i++) {
            correct += smileLr.predict(testX[i]) == (int) testY[i] ? 1 : 0;
        }
        line(String.format("| Smile LogisticRegression.binomial fit (data in memory) | %.0f ms | held-out accuracy %.2f %% |",
                smileFit, 100.0 * correct / testX.length));
        line(String.format("| true model (the data's own) | | held-out accuracy %.2f %% |",
                100 * logistic.trueAccuracy(testX, testY)));
        fit(generated(batch(parallelism), logistic, rows), "rows made in the engine", rows, parallelism, testX, testY);
        csvFits(csv, testX, testY);
        for (int[] setting : growth()) {
            fit(generated(batch(setting[1]), logistic, setting[0]), "rows made in the engine", setting[0], setting[1],
                    testX, testY);
        }
    }

    /**
     * Loads the table into the engine's memory (one pass: read, pack, keep), then fits on the
     * blocks there: the second figure is the fit "from data already in the engine". Returns the
     * time of both.
     */
    private double fit(Table table, String from, int n, int p, double[][] testX, double[] testY) {
        long start = System.nanoTime();
        try (TrainingData data = TrainingData.of(table, "features", "label", null).cached()) {
            data.pass("load the training data", new GradientPass(new double[DIM + 1]));
            double load = millis(start);
            long fitStart = System.nanoTime();
            LogisticRegressionModel model = new LogisticRegression().setFeaturesCol("features").setLabelCol("label")
                    .fit(data);
            double fit = millis(fitStart);
            int correct = 0;
            for (int i = 0; i < testX.length; i++) {
                correct += model.predict(testX[i]) == testY[i] ? 1 : 0;
            }
            int passes = data.passes() - 1;
            line(String.format("| LogisticRegression, %d rows, parallelism %d, %s: load (%.0f ms) and fit | %.0f ms |"
                    + " held-out accuracy %.2f %% |", n, p, from, load, load + fit, 100.0 * correct / testX.length));
            line(String.format("| of which LogisticRegression.fit on the blocks in the engine's memory (%d passes, %.0f ms each)"
                    + "%s | %.0f ms | |", passes, fit / passes, data.inMemory() ? "" : " [NOT in memory]", fit));
            return load + fit;
        }
    }

    /** The settings besides the main one: 1/10 of the rows at parallelism 1 and p, all rows at 1. */
    private List<int[]> growth() {
        List<int[]> settings = new ArrayList<>();
        for (int[] setting : new int[][] {{rows / 10, 1}, {rows / 10, parallelism}, {rows, 1}}) {
            if (setting[1] != parallelism || setting[0] != rows) {
                settings.add(setting);
            }
        }
        return settings;
    }

    /** A plain loop's gradient pass, warmed up, median of seven. */
    private double plainLoop(double[][] x, double[] y) {
        double[] w = new double[DIM + 1];
        Arrays.fill(w, 0.01);
        for (int i = 0; i < 3; i++) {
            GradientPass.plain(x, y, w);
        }
        double[] times = new double[7];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            GradientPass.plain(x, y, w);
            times[i] = millis(start);
        }
        return median(times);
    }

    /** Gradient passes over rows generated in the cluster: the first (generate, pack, cache) and cached ones. */
    private void passes(BenchData data, int n, int p, String from) {
        StreamTableEnvironment tEnv = batch(p);
        Table table = generated(tEnv, data, n);
        double[] w = new double[DIM + 1];
        Arrays.fill(w, 0.01);
        try (TrainingData training = TrainingData.of(table, "features", "label", null).cached()) {
            long start = System.nanoTime();
            training.pass("gradient, first pass", new GradientPass(w));
            double first = millis(start);
            double[] times = new double[5];
            for (int i = 0; i < times.length; i++) {
                start = System.nanoTime();
                training.pass("gradient, cached", new GradientPass(w));
                times[i] = millis(start);
            }
            line(String.format("| Flink pass, %d rows, parallelism %d, rows made in the %s: first (make, pack, keep) | %.0f ms |",
                    n, p, from, first));
            line(String.format("| Flink pass, %d rows, parallelism %d, blocks kept in memory by one job (median of 5)%s | %.0f ms |",
                    n, p, training.inMemory() ? "" : " [NOT in memory: over budget]", median(times)));
        }
        // The way for data larger than the memory budget: a 1-byte budget sends it to Flink's cache.
        try (TrainingData training = TrainingData.of(generated(batch(p), data, n), "features", "label", null)
                .cached(1)) {
            training.pass("gradient, first pass", new GradientPass(w));
            double[] times = new double[5];
            for (int i = 0; i < times.length; i++) {
                long start = System.nanoTime();
                training.pass("gradient, Flink's cache", new GradientPass(w));
                times[i] = millis(start);
            }
            line(String.format("| Flink pass, %d rows, parallelism %d, blocks in Flink's cache, one job per pass (median of 5) | %.0f ms |",
                    n, p, median(times)));
        }
    }

    /**
     * The first pass over the same rows read from the CSV file (read, parse, pack): as a notebook
     * user reads it ({@code %load}, then the features gathered as {@code %train} does, and with
     * {@code ARRAY[...]}), and through Flink's Jackson-based {@code csv} format.
     */
    private void csvPasses(Path csv) {
        CsvToModel file = new CsvToModel(csv, DIM, () -> batch(parallelism));
        // Each way once first, not reported: no figure below carries the JIT's warm-up of its reading code.
        for (Table table : List.of(file.load(CsvToModel.Gather.ARRAY).table(), file.jacksonCsv())) {
            try (TrainingData warmUp = TrainingData.of(table, "features", "label", null)) {
                warmUp.pass("gradient from CSV, warm-up", new GradientPass(new double[DIM + 1]));
            }
        }
        for (CsvToModel.Gather gather : CsvToModel.Gather.values()) {
            CsvToModel.Loaded loaded = file.load(gather);
            csvPass(loaded.table(), String.format("%%load (%.0f ms: infer, register, count, preview), features by %s;"
                    + " then the pass", loaded.loadMillis(), gather.label), file.megabytes());
        }
        csvPass(file.jacksonCsv(), "CREATE TABLE with Flink's 'format' = 'csv', features by ARRAY[...]",
                file.megabytes());
    }

    private void csvPass(Table table, String how, double megabytes) {
        double[] w = new double[DIM + 1];
        try (TrainingData training = TrainingData.of(table, "features", "label", null)) {
            long start = System.nanoTime();
            training.pass("gradient from CSV", new GradientPass(w));
            line(String.format("| Flink pass from a CSV file (%.1f MB), parallelism %d, %s: read, parse, pack, gradient"
                    + " | %.0f ms |", megabytes, parallelism, how, millis(start)));
        }
    }

    /**
     * From the CSV file to a trained model: {@code %load} then the fit on its table, features
     * gathered as {@code %train} does; and from Flink's {@code csv} format, for comparison.
     */
    private void csvFits(Path csv, double[][] testX, double[] testY) {
        CsvToModel file = new CsvToModel(csv, DIM, () -> batch(parallelism));
        CsvToModel.Loaded loaded = file.load(CsvToModel.Gather.VECTOR_ASSEMBLER);
        double fitMs = fit(loaded.table(), String.format("from a CSV file (%.1f MB) loaded by %%load, features by"
                + " VectorAssembler: read, parse, pack, fit", file.megabytes()), rows, parallelism, testX, testY);
        line(String.format("| CSV to trained model as in a notebook: %%load (infer, register, count, preview) %.0f ms"
                + " + fit %.0f ms | %.0f ms |", loaded.loadMillis(), fitMs, loaded.loadMillis() + fitMs));
        fit(file.jacksonCsv(), String.format("from a CSV file (%.1f MB), Flink's 'format' = 'csv', features by ARRAY[...]:"
                + " read, parse, pack, fit", file.megabytes()), rows, parallelism, testX, testY);
    }

    private void kmeans(BenchData blobs, double[][] points, int n, int p) {
        StreamTableEnvironment tEnv = batch(p);
        Table table = generated(tEnv, blobs, n);
        long start = System.nanoTime();
        KMeansModel model = new KMeans().setK(BenchData.CLUSTERS).setSeed(SEED).setMaxIter(30).setTol(1e-4).fit(table);
        double ms = millis(start);
        String inertia = "";
        if (points != null) {
            double sum = 0;
            double[][] centres = model.getCentroids();
            for (double[] point : points) {
                double best = Double.POSITIVE_INFINITY;
                for (double[] c : centres) {
                    double d = 0;
                    for (int j = 0; j < DIM; j++) {
                        d += (point[j] - c[j]) * (point[j] - c[j]);
                    }
                    best = Math.min(best, d);
                }
                sum += best;
            }
            inertia = String.format(" inertia %.6g |", sum);
        }
        line(String.format("| KMeans.fit, %d rows, parallelism %d, rows made in the engine (%d Lloyd iterations) | %.0f ms |%s",
                n, p, model.getTrainingHistory().size(), ms, inertia));
    }

    private Table generated(StreamTableEnvironment tEnv, BenchData data, int n) {
        return tEnv.fromDataStream(environments.get(tEnv).fromSequence(0, n - 1).map(data)
                .returns(BenchData.ROWS));
    }

    /** A batch table environment at this parallelism on the engine's cluster (a notebook cell can make one too). */
    private StreamTableEnvironment batch(int p) {
        Configuration config = new Configuration();
        config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(p);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env, EnvironmentSettings.inBatchMode());
        environments.put(tEnv, env);
        return tEnv;
    }

    private static Path writeCsv(double[][] x, double[] y) throws IOException {
        Path dir = Files.createTempDirectory("ml-bench");
        Path file = dir.resolve("points.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < x.length; i++) {
                line.setLength(0);
                for (double v : x[i]) {
                    line.append(String.format("%.6g", v)).append(','); // 6 digits, as data files usually have
                }
                line.append(y[i]).append('\n');
                out.write(line.toString());
            }
        }
        return file;
    }

    private void section(String title) {
        line("");
        line("## " + title);
        line("");
        line("| figure | time | |");
        line("|---|---|---|");
    }

    private void line(String text) {
        lines.add(text);
        System.err.println(text); // progress while it runs
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
