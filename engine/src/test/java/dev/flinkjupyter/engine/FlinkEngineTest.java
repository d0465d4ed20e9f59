package dev.flinkjupyter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jobs on one shared engine; the cluster starts once for the whole class. */
@SuppressWarnings("try") // CloseableIterator.close() declares Exception
class FlinkEngineTest {

    private static FlinkEngine engine;

    @BeforeAll
    static void startEngine() throws Exception {
        Path tmp = Files.createTempDirectory("flink-engine-test-");
        engine = FlinkEngine.create(EngineOptions.of(tmp));
        long start = System.nanoTime();
        engine.environment();
        System.out.printf("[engine] cluster start + env: %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void trivialDataStreamJob() throws Exception {
        List<Integer> result = engine.environment().fromData(1, 2, 3).map(x -> x * 2).executeAndCollect(10);

        assertThat(result).containsExactlyInAnyOrder(2, 4, 6);
    }

    @Test
    void jobsReuseTheOneCluster() throws Exception {
        var cluster = engine.miniCluster().orElseThrow();
        var env = engine.environment();
        env.fromData(1).map(x -> x).executeAndCollect("reuse-1", 10);
        int before = engine.jobs().size();
        env.fromData(2).map(x -> x).executeAndCollect("reuse-2", 10);

        assertThat(engine.environment()).isSameAs(env);
        assertThat(engine.miniCluster()).containsSame(cluster);
        assertThat(engine.jobs()).hasSize(before + 1);
        assertThat(engine.jobs()).extracting(JobInfo::name).contains("reuse-1", "reuse-2");
        assertThat(engine.jobs()).filteredOn(job -> job.name().startsWith("reuse-"))
                .allSatisfy(job -> {
                    assertThat(job.state()).isEqualTo("FINISHED");
                    assertThat(job.duration()).isPositive();
                });
    }

    @Test
    void warmTrivialJobTime() throws Exception {
        var env = engine.environment();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            env.fromData(1, 2, 3).map(x -> x * 2).executeAndCollect(10);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(millis);
        System.out.printf("[engine] warm trivial DataStream job: median %d ms, all %s%n", millis.get(2), millis);
    }

    @Test
    void userCodeGetExecutionEnvironmentLandsOnTheSharedCluster() throws Exception {
        AtomicReference<List<Integer>> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // Another thread than the one that created the engine: Flink's thread-local must not matter.
        Thread user = new Thread(() -> {
            try {
                StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                result.set(env.fromData(5, 6).map(x -> x + 1).executeAndCollect("user-code-job", 10));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        user.start();
        user.join();

        assertThat(failure.get()).isNull();
        assertThat(result.get()).containsExactlyInAnyOrder(6, 7);
        assertThat(engine.jobs()).extracting(JobInfo::name).contains("user-code-job");
    }

    @Test
    void tableEnvironmentCreatedByUserCodeLandsOnTheSharedCluster() throws Exception {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        int before = engine.jobs().size();
        try (CloseableIterator<Row> rows = tEnv.executeSql("SELECT 41 + 1").collect()) {
            assertThat(rows.next().getField(0)).isEqualTo(42);
        }
        assertThat(engine.jobs().size()).isGreaterThan(before);
    }

    @Test
    void selectOneInBatchMode() throws Exception {
        var tEnv = engine.tableEnvironment();
        assertThat(tEnv.getConfig().get(ExecutionOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.BATCH);
        assertThat(engine.tableEnvironment()).isSameAs(tEnv);

        List<Row> rows = collect(tEnv.executeSql("SELECT 1")); // may plan cold: not measured
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            rows = collect(tEnv.executeSql("SELECT 1"));
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(millis);
        System.out.printf("[engine] warm SELECT 1 collect: median %d ms, all %s%n", millis.get(1), millis);

        assertThat(rows).extracting(row -> row.getField(0)).containsExactly(1);
    }

    @Test
    void boundedGroupByYieldsFinalRowsOnly() throws Exception {
        List<Row> rows = collect(engine.tableEnvironment().executeSql(
                "SELECT k, COUNT(*) AS n FROM (VALUES ('a'), ('b'), ('a'), ('a')) AS t(k) GROUP BY k"));

        assertThat(rows).extracting(Row::getKind).containsOnly(RowKind.INSERT);
        Map<Object, Object> counts = new TreeMap<>();
        rows.forEach(row -> counts.put(row.getField(0), row.getField(1)));
        assertThat(counts).containsExactlyEntriesOf(new TreeMap<>(Map.of("a", 3L, "b", 1L)));
    }

    @Test
    void cancelRunningJobsStopsABlockedCollector() throws Exception {
        var source = new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(50), Types.LONG);
        var stream = engine.environment()
                .fromSource(source, WatermarkStrategy.noWatermarks(), "endless")
                .map(x -> {
                    Thread.sleep(5);
                    return x;
                });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread cell = new Thread(() -> {
            try (CloseableIterator<Long> it = stream.executeAndCollect("endless-job")) {
                while (it.hasNext()) {
                    it.next();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        cell.start();
        while (engine.jobs().stream().noneMatch(j -> j.name().equals("endless-job") && j.state().equals("RUNNING"))) {
            Thread.sleep(20);
        }

        assertThat(engine.cancelRunningJobs()).isEqualTo(1);
        cell.join(60_000); // a liveness guard, not a timing assertion
        assertThat(cell.isAlive()).as("the collecting thread returned").isFalse();
        assertThat(failure.get()).isNotNull();
        System.out.printf("[engine] a cancelled collect fails with: %s%n", failure.get());
        assertThat(engine.jobs()).filteredOn(j -> j.name().equals("endless-job"))
                .extracting(JobInfo::state).containsExactly("CANCELED");
        assertThat(engine.cancelRunningJobs()).isZero();
        // the cluster still runs jobs afterwards
        assertThat(engine.environment().fromData(1).executeAndCollect(1)).containsExactly(1);
    }

    @Test
    void cancelRejectsUnknownIds() {
        assertThatThrownBy(() -> engine.cancel("0123456789abcdef0123456789abcdef"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No job with id 0123456789abcdef0123456789abcdef");
        assertThatThrownBy(() -> engine.cancel("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a Flink job id");
    }

    @Test
    void cancelOneJobById() throws Exception {
        var source = new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(10), Types.LONG);
        var env = engine.environment();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "endless").sinkTo(new DiscardingSink<>());
        var client = env.executeAsync("to-cancel");
        String id = client.getJobID().toHexString();

        engine.cancel(id);

        assertThat(engine.jobs()).filteredOn(j -> j.id().equals(id)).extracting(JobInfo::state)
                .containsExactly("CANCELED");
        engine.cancel(id); // already ended: nothing to do
    }

    @Test
    void webUiIsServedOnLoopbackOnly() throws Exception {
        URI ui = engine.webUi().orElseThrow();
        assertThat(ui.getScheme()).isEqualTo("http");
        assertThat(ui.getHost()).isEqualTo("127.0.0.1");
        assertThat(ui.getPath()).isEqualTo("/");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> index = http.send(HttpRequest.newBuilder(ui).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<title>Apache Flink Web Dashboard</title>");
        HttpResponse<String> jobs = http.send(
                HttpRequest.newBuilder(ui.resolve("jobs/overview")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jobs.statusCode()).isEqualTo(200);
        assertThat(jobs.body()).startsWith("{\"jobs\":");

        for (InetAddress address : nonLoopbackAddresses()) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, ui.getPort()), 2000))
                        .as("port %d must not answer on %s", ui.getPort(), address)
                        .isInstanceOf(IOException.class);
            }
        }
    }

    /** Set at run time; a task that saw a second copy of this class would read 0. */
    static volatile int factor;

    @Test
    void lambdasSeeStaticStateSetAtRunTime() throws Exception {
        factor = 7;

        List<Integer> result = engine.environment().fromData(1, 2, 3).map(x -> x * factor).executeAndCollect(10);

        assertThat(result).containsExactlyInAnyOrder(7, 14, 21);
    }

    @Test
    void classesDefinedAtRunTimeIntoTheAppLoaderRunInJobs() throws Exception {
        Class<?> times = RuntimeClasses.define("RuntimeDefinedTimes", """
                package dev.flinkjupyter.engine;
                public class RuntimeDefinedTimes
                        implements org.apache.flink.api.common.functions.MapFunction<Integer, Integer> {
                    public static int factor;
                    @Override public Integer map(Integer x) { return x * factor; }
                }
                """);
        assertThat(times.getClassLoader()).isSameAs(ClassLoader.getSystemClassLoader());
        times.getField("factor").setInt(null, 10);
        @SuppressWarnings("unchecked")
        MapFunction<Integer, Integer> function =
                (MapFunction<Integer, Integer>) times.getConstructor().newInstance();

        List<Integer> result = engine.environment().fromData(1, 2, 3).map(function).executeAndCollect(10);

        assertThat(result).containsExactlyInAnyOrder(10, 20, 30);
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                nic.inetAddresses().filter(a -> a instanceof Inet4Address).forEach(addresses::add);
            }
        }
        return addresses;
    }

    private static List<Row> collect(TableResult result) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }
}
