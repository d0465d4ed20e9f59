package dev.flinkjupyter.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures what the auto mode costs: a bounded query in auto vs batch mode, an unbounded one in
 * auto vs streaming mode (the difference is the batch attempt refused), each parsed, validated and
 * converted to a plan ({@link SqlSession#table}), and splitting a script of 50 statements with Flink's
 * tokenizer. Plans only, runs no job; prints medians, asserts nothing.
 *
 * <p>Run: {@code java -cp <engine test classpath> dev.flinkjupyter.engine.SqlModeChoiceMeasurement [runs]}
 */
public final class SqlModeChoiceMeasurement {

    private SqlModeChoiceMeasurement() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path tmp = Files.createTempDirectory("sql-mode-choice-");
        try (FlinkEngine engine = FlinkEngine.create(EngineOptions.of(tmp).withParallelism(1))) {
            SqlSession sql = engine.sql();
            sql.execute("CREATE TABLE bounded (a INT, b STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '10');"
                    + "CREATE TABLE endless (a INT, b STRING) WITH ('connector' = 'datagen')");
            String boundedQuery = "SELECT b, COUNT(*) FROM bounded GROUP BY b";
            String endlessQuery = "SELECT b, COUNT(*) FROM endless GROUP BY b";
            print("bounded query planned, batch mode", median(runs, () -> run(sql, SqlMode.BATCH, boundedQuery)));
            print("bounded query planned, auto mode", median(runs, () -> run(sql, SqlMode.AUTO, boundedQuery)));
            print("unbounded query planned, streaming mode", median(runs, () -> run(sql, SqlMode.STREAMING, endlessQuery)));
            print("unbounded query planned, auto mode", median(runs, () -> run(sql, SqlMode.AUTO, endlessQuery)));
            String script = "SELECT 'a;b' AS s, 1 -- c;\n;".repeat(50);
            SqlScript splitter = new SqlScript(FlinkSqlLexer.of(sql.batch()));
            print("split 50 statements", median(runs, () -> splitter.split(script)));
        }
    }

    private static void run(SqlSession sql, SqlMode mode, String statement) {
        sql.mode(mode);
        sql.table(statement); // parsed, validated and converted: where the mode is chosen
    }

    private static double median(int runs, Runnable action) {
        for (int i = 0; i < 10; i++) {
            action.run();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return millis.get(millis.size() / 2);
    }

    private static void print(String what, double millis) {
        System.out.printf("%-36s %8.2f ms (median)%n", what, millis);
    }
}
