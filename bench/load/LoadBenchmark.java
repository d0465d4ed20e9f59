import dev.flinkjupyter.engine.EngineOptions;
import dev.flinkjupyter.engine.FlinkEngine;
import dev.flinkjupyter.magics.load.CsvDialect;
import dev.flinkjupyter.magics.load.CsvSample;
import dev.flinkjupyter.magics.load.CsvSchemaInference;
import dev.flinkjupyter.magics.load.LoadRequest;
import dev.flinkjupyter.magics.load.LoadedTable;
import dev.flinkjupyter.magics.load.TableLoader;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * %load's code path (inference, CREATE TABLE, row count, first rows) against the same Flink work
 * written by hand (CREATE TABLE with the schema over Flink's csv format, SELECT COUNT(*), the first
 * rows), on one shared engine, warm, alternating, medians. Prints figures; asserts nothing.
 *
 *   java -cp 'kernel/target/lib/*' bench/load/LoadBenchmark.java [ROWS] [RUNS]
 */
public class LoadBenchmark {

    static final int COLUMNS = 20;
    static final int PREVIEW = 10;
    static final java.time.format.DateTimeFormatter SQL_TIMESTAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path tmp = Files.createTempDirectory("load-bench-");
        Path csv = tmp.resolve("data").resolve("bench.csv");
        Files.createDirectories(csv.getParent());
        long t0 = System.nanoTime();
        generate(csv, rows, 42);
        System.out.printf(Locale.ROOT, "generated %,d rows x %d columns, %.1f MB, seed 42, in %.1f s%n",
                rows, COLUMNS, Files.size(csv) / 1e6, (System.nanoTime() - t0) / 1e9);

        try (FlinkEngine engine = FlinkEngine.create(EngineOptions.of(tmp.resolve("flink")))) {
            TableEnvironment tEnv = engine.tableEnvironment();
            TableLoader loader = new TableLoader(tEnv);
            LoadRequest request = LoadRequest.of(csv.toString(), tmp).withName("by_load");
            System.out.printf("engine: parallelism %d%n", engine.options().parallelism());

            LoadRequest validated = request.withValidate(true);
            List<Double> load = new ArrayList<>();
            List<Double> loadValidated = new ArrayList<>();
            List<Double> hand = new ArrayList<>();
            List<Double> inference = new ArrayList<>();
            for (int i = -2; i < runs; i++) { // two warm-up rounds
                long start = System.nanoTime();
                LoadedTable loaded = loader.load(request);
                double loadSeconds = (System.nanoTime() - start) / 1e9;

                start = System.nanoTime();
                long counted = byHand(tEnv, csv);
                double handSeconds = (System.nanoTime() - start) / 1e9;

                start = System.nanoTime();
                loader.load(validated);
                double validatedSeconds = (System.nanoTime() - start) / 1e9;

                start = System.nanoTime();
                CsvSchemaInference.infer(CsvSample.read(csv, CsvDialect.DEFAULT, CsvSample.DEFAULT_RECORDS),
                        Optional.empty());
                double inferSeconds = (System.nanoTime() - start) / 1e9;

                if (loaded.rows() != rows || counted != rows) {
                    throw new IllegalStateException("counted " + loaded.rows() + " / " + counted + ", wrote " + rows);
                }
                System.out.printf(Locale.ROOT,
                        "%s %d: %%load %.3f s, by hand %.3f s, %%load --validate %.3f s (inference alone %.3f s)%n",
                        i < 0 ? "warm-up" : "run", i < 0 ? i + 3 : i + 1, loadSeconds, handSeconds, validatedSeconds,
                        inferSeconds);
                if (i >= 0) {
                    load.add(loadSeconds);
                    hand.add(handSeconds);
                    loadValidated.add(validatedSeconds);
                    inference.add(inferSeconds);
                }
            }
            double l = median(load);
            double h = median(hand);
            System.out.println();
            System.out.printf(Locale.ROOT, "%-44s %10s %10s %10s%n", "median of " + runs + " warm runs", "%load", "by hand", "ratio");
            System.out.printf(Locale.ROOT, "%-44s %9.3fs %9.3fs %9.2fx%n",
                    String.format(Locale.ROOT, "%,d rows x %d columns CSV", rows, COLUMNS), l, h, l / h);
            System.out.printf(Locale.ROOT, "%-44s %9.3fs %9.3fs %9.2fx%n", "  %load --validate (every value converted)",
                    median(loadValidated), h, median(loadValidated) / h);
            System.out.printf(Locale.ROOT, "%-44s %9.3fs%n", "  sample + inference alone (10,000 rows)",
                    median(inference));
            System.out.printf(Locale.ROOT, "target: at most 1.30x -> %s%n", l / h <= 1.3 ? "met" : "NOT met");
        } finally {
            deleteRecursively(tmp);
        }
    }

    /** What a user would write without %load: the schema by hand, Flink's csv format, the same two queries. */
    static long byHand(TableEnvironment tEnv, Path csv) throws Exception {
        tEnv.executeSql("DROP TABLE IF EXISTS by_hand");
        tEnv.executeSql("CREATE TABLE by_hand (id BIGINT, "
                + "d1 DOUBLE, d2 DOUBLE, d3 DOUBLE, d4 DOUBLE, d5 DOUBLE, d6 DOUBLE, d7 DOUBLE, d8 DOUBLE, "
                + "n1 BIGINT, n2 BIGINT, n3 BIGINT, n4 BIGINT, b1 BOOLEAN, b2 BOOLEAN, dt DATE, ts TIMESTAMP(3), "
                + "s1 STRING, s2 STRING, s3 STRING) "
                + "WITH ('connector' = 'filesystem', 'path' = '" + csv + "', 'format' = 'csv')");
        long count;
        try (CloseableIterator<Row> it = tEnv.executeSql("SELECT COUNT(*) FROM by_hand").collect()) {
            count = (Long) it.next().getField(0);
        }
        List<Row> preview = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql("SELECT * FROM by_hand LIMIT " + PREVIEW).collect()) {
            while (preview.size() < PREVIEW && it.hasNext()) {
                preview.add(it.next());
            }
        }
        return count;
    }

    /** 20 columns: an id, 8 doubles, 4 longs, 2 booleans, a date, a timestamp, 3 words; no header. */
    static void generate(Path file, int rows, long seed) throws Exception {
        Random random = new Random(seed);
        String[] words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"};
        LocalDate day = LocalDate.of(2024, 1, 1);
        LocalDateTime at = LocalDateTime.of(2024, 1, 1, 0, 0);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            StringBuilder line = new StringBuilder(256);
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                line.append(r);
                for (int c = 0; c < 8; c++) {
                    line.append(',').append(Math.round(random.nextGaussian() * 1e4) / 1e3);
                }
                for (int c = 0; c < 4; c++) {
                    line.append(',').append(random.nextInt(100_000));
                }
                line.append(',').append(random.nextBoolean()).append(',').append(random.nextBoolean());
                line.append(',').append(day.plusDays(random.nextInt(365)));
                line.append(',').append(SQL_TIMESTAMP.format(at.plusSeconds(random.nextInt(31_536_000))));
                for (int c = 0; c < 3; c++) {
                    line.append(',').append(words[random.nextInt(words.length)]);
                }
                out.append(line).append('\n');
            }
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static void deleteRecursively(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
