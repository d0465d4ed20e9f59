package dev.flinkjupyter.kernel.jshell;

import dev.flinkjupyter.engine.EngineOptions;
import dev.flinkjupyter.engine.FlinkEngine;
import dev.flinkjupyter.engine.JobInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Code typed in cells running inside Flink jobs on the kernel's one cluster: the reason the
 * kernel defines snippet classes into Flink's class loader. Parallelism 2, so that tasks run in
 * several threads and slots, as on a real cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class CellsOnFlinkTest {
    static FlinkEngine engine;
    private JavaEvaluator cells;
    private final AtomicInteger count = new AtomicInteger();

    /** Cells reach the engine through this, as notebooks reach it through Notebook.engine(). */
    public static FlinkEngine engine() {
        return engine;
    }

    @BeforeAll
    void start(@TempDir Path temp) {
        engine = FlinkEngine.create(EngineOptions.of(temp).withParallelism(2));
        cells = new JavaEvaluator(
                List.of("import java.util.*;",
                        "import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;",
                        "import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;",
                        "import org.apache.flink.table.functions.ScalarFunction;",
                        "import org.apache.flink.api.common.functions.MapFunction;",
                        "import org.apache.flink.util.CollectionUtil;"),
                List.of(new LazyVariable("env", "StreamExecutionEnvironment", CellsOnFlinkTest.class.getName() + ".engine().environment()"),
                        new LazyVariable("tEnv", "StreamTableEnvironment", CellsOnFlinkTest.class.getName() + ".engine().tableEnvironment()")));
    }

    @AfterAll
    void stop() {
        cells.close();
        engine.close();
    }

    private Object run(String code) throws CellException {
        return cells.evaluate(code, count.incrementAndGet()).value();
    }

    @Test
    void aLambdaSeesTheCurrentValueOfACellVariable() throws Exception {
        run("int factor = 10;");
        Object result = run("List<Integer> out = env.fromData(1, 2, 3).map(x -> x * factor).executeAndCollect(10);\n"
                + "out.stream().sorted().toList()");
        assertThat(result).isEqualTo(List.of(10, 20, 30));
        run("factor = 100;");
        assertThat(run("env.fromData(1, 2, 3).map(x -> x * factor).executeAndCollect(10).stream().sorted().toList()"))
                .isEqualTo(List.of(100, 200, 300));
    }

    @Test
    void anAnonymousFunctionAndACellPojoTravelThroughAJob() throws Exception {
        run("public static class Reading { public String sensor; public double value;\n"
                + "  public Reading() {}\n"
                + "  public Reading(String s, double v) { sensor = s; value = v; }\n"
                + "  public String toString() { return sensor + \"=\" + value; } }");
        run("class Doubler implements MapFunction<Reading, Reading> {\n"
                + "  public Reading map(Reading r) { return new Reading(r.sensor, r.value * 2); } }");
        Object result = run("env.fromData(new Reading(\"a\", 1.5), new Reading(\"b\", 2.0))\n"
                + "   .map(new Doubler())\n"
                + "   .map(new MapFunction<Reading, String>() { public String map(Reading r) { return r.toString(); } })\n"
                + "   .executeAndCollect(10).stream().sorted().toList()");
        assertThat(result).isEqualTo(List.of("a=3.0", "b=4.0"));
    }

    @Test
    void aRedefinedClassIsWhatTheNextJobUses() throws Exception {
        run("class Scale implements MapFunction<Integer, Integer> { public Integer map(Integer x) { return x + 1; } }");
        assertThat(run("env.fromData(1).map(new Scale()).executeAndCollect(1)")).isEqualTo(List.of(2));
        run("class Scale implements MapFunction<Integer, Integer> { public Integer map(Integer x) { return x + 2; } }");
        assertThat(run("env.fromData(1).map(new Scale()).executeAndCollect(1)")).isEqualTo(List.of(3));
    }

    @Test
    void sqlCallsAUdfDefinedInACell() throws Exception {
        run("public static class Times2 extends ScalarFunction { public int eval(int x) { return x * 2; } }");
        run("tEnv.createTemporarySystemFunction(\"times2\", Times2.class);");
        assertThat(run("tEnv.executeSql(\"SELECT times2(21)\").collect().next().getField(0)")).isEqualTo(42);
        // a second SQL cell plans on the same thread state as the first
        assertThat(run("tEnv.executeSql(\"SELECT times2(x) FROM (VALUES (1), (2)) AS t(x)\").collect().next().getField(0)"))
                .isIn(2, 4);
    }

    @Test
    void aFailedJobIsReportedByItsRootCauseInTheCell() {
        assertThatThrownBy(() -> run("env.fromData(1, 2, 3)\n"
                + "   .map(x -> { if (x == 2) throw new IllegalStateException(\"bad record \" + x); return x; })\n"
                + "   .executeAndCollect(10)"))
                .isInstanceOfSatisfying(CellException.class, e -> {
                    assertThat(e.name()).isEqualTo("IllegalStateException");
                    assertThat(e.value()).isEqualTo("bad record 2");
                    String text = String.join("\n", e.traceback());
                    assertThat(text).contains("Flink job failed").contains("(cell [" + count.get() + "], line 2)");
                    assertThat(text.lines().count()).isLessThan(15);
                });
    }

    @Test
    void anInterruptedCellCancelsItsJob() throws Exception {
        run("long seen = 0;");
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                return;
            }
            cells.interrupt();
            engine.cancelRunningJobs();
        });
        interrupter.start();
        assertThatThrownBy(() -> run("env.fromSequence(0, Long.MAX_VALUE).filter(x -> x < 0).executeAndCollect(1)"))
                .isInstanceOfSatisfying(CellException.class, e -> assertThat(e.name()).isEqualTo("Interrupted"));
        interrupter.join();
        assertThat(engine.jobs()).noneMatch(job -> !job.isTerminal());
        assertThat(engine.jobs()).extracting(JobInfo::state).contains("CANCELED");
        assertThat(run("seen")).isEqualTo(0L);
    }
}
