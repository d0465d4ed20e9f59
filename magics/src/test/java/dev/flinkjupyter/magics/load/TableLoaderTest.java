package dev.flinkjupyter.magics.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkjupyter.engine.EngineOptions;
import dev.flinkjupyter.engine.FlinkEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading files into the catalog of a real engine, as %load does. */
class TableLoaderTest {

    private static FlinkEngine engine;
    private static TableEnvironment tEnv;
    private static TableLoader loader;

    @TempDir
    Path dir;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = FlinkEngine.create(EngineOptions.of(Files.createTempDirectory("load-test-")).withParallelism(1));
        tEnv = engine.tableEnvironment();
        loader = new TableLoader(tEnv);
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void aCsvWithAHeaderBecomesATypedPermanentTable() throws Exception {
        write("Trips 2024.csv", "id,km,paid,day\n1,2.5,true,2024-01-02\n2,,false,2024-01-03\n3,7,true,2024-01-04\n");

        LoadedTable trips = loader.load(LoadRequest.of("Trips 2024.csv", dir));

        assertThat(trips.name()).isEqualTo("trips_2024");
        assertThat(trips.header()).isTrue();
        assertThat(trips.rows()).isEqualTo(3);
        assertThat(trips.schema().getColumns()).extracting(Column::toString).containsExactly(
                "`id` BIGINT NOT NULL", "`km` DOUBLE", "`paid` BOOLEAN NOT NULL", "`day` DATE NOT NULL");
        assertThat(trips.preview()).hasSize(3);
        assertThat(trips.preview().get(1).getField(1)).isNull();
        assertThat(trips.summary()).isEqualTo("trips_2024: 3 rows, 4 columns from " + dir.resolve("Trips 2024.csv")
                + " (csv, header, schema inferred)");
        // Permanent, in the current catalog: SQL sees it, and the catalog lists it as a table.
        assertThat(rows("SELECT SUM(km) FROM trips_2024")).containsExactly(Row.of(9.5));
        assertThat(tEnv.getCatalog(tEnv.getCurrentCatalog()).orElseThrow()
                .tableExists(new org.apache.flink.table.catalog.ObjectPath(tEnv.getCurrentDatabase(), "trips_2024")))
                .isTrue();
    }

    @Test
    void aMalformedRecordFailsWithItsFileAndLineAndLeavesNoTable() throws Exception {
        StringBuilder csv = new StringBuilder("n,name\n");
        for (int i = 1; i <= 30; i++) {
            csv.append(i == 25 ? "twenty-five" : String.valueOf(i)).append(",x").append(i).append('\n');
        }
        Path file = write("numbers.csv", csv.toString());

        assertThatThrownBy(() -> new TableLoader(tEnv, 10).load(LoadRequest.of("numbers.csv", dir)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Malformed row at " + file + ", line 26: ")
                .hasMessageContaining("twenty-five")
                .hasMessageContaining("inferred from the first 10 records");
        assertThat(tEnv.listTables()).doesNotContain("numbers");
    }

    @Test
    void aBadValueBeyondThePreviewFailsTheLoadOnlyWhenValidatedAndThenAnyQueryReadingIt() throws Exception {
        StringBuilder csv = new StringBuilder("n,day\n");
        for (int i = 1; i <= 100_000; i++) { // the bad value lies past the preview's first read (about 1 MB)
            csv.append(i).append(',').append(i == 95_000 ? "someday" : "2024-01-01").append('\n');
        }
        Path file = write("later.csv", csv.toString());
        TableLoader smallSample = new TableLoader(tEnv, 10);

        assertThatThrownBy(() -> smallSample.load(LoadRequest.of("later.csv", dir).withValidate(true)))
                .hasMessageStartingWith("Malformed row at " + file + ", line 95001: ");

        LoadedTable later = smallSample.load(LoadRequest.of("later.csv", dir));
        assertThat(later.rows()).isEqualTo(100_000);
        assertThat(rows("SELECT SUM(n) FROM later")).containsExactly(Row.of(5_000_050_000L));
        assertThatThrownBy(() -> rows("SELECT MAX(`day`) FROM later"))
                .satisfies(e -> assertThat(MalformedRowException.location(e)).contains(", line 95001: "));
    }

    @Test
    void skipCountsTheMalformedRecords() throws Exception {
        write("readings.csv", "v\n1\n2\nbad\n4\n5,6\n");

        LoadedTable readings = loader.load(LoadRequest.of("readings.csv", dir)
                .withSchema("v BIGINT").withOnError(OnError.SKIP));

        assertThat(readings.header()).isTrue(); // "v" names the column
        assertThat(readings.rows()).isEqualTo(3);
        assertThat(readings.skipped()).isEqualTo(2);
        assertThat(readings.summary()).endsWith("(csv, header, schema given; 2 malformed rows skipped)");
        assertThat(rows("SELECT SUM(v) FROM readings")).containsExactly(Row.of(7L));
    }

    @Test
    void aGlobReadsEveryMatchingFileAsOneTable() throws Exception {
        Files.createDirectories(dir.resolve("logs/a"));
        Files.createDirectories(dir.resolve("logs/b"));
        Files.writeString(dir.resolve("logs/a/part-1.tsv"), "level\tcount\nINFO\t3\n");
        Files.writeString(dir.resolve("logs/b/part-2.tsv"), "level\tcount\nWARN\t4\n");
        Files.writeString(dir.resolve("logs/b/notes.txt"), "not a part\n");

        LoadedTable logs = loader.load(LoadRequest.of("logs/*/part-*.tsv", dir).withName("logs"));

        assertThat(logs.rows()).isEqualTo(2);
        assertThat(rows("SELECT level, `count` FROM logs ORDER BY level"))
                .containsExactly(Row.of("INFO", 3L), Row.of("WARN", 4L));
    }

    @Test
    void jsonLinesAreInferredFromTheirFields() throws Exception {
        write("events.jsonl", "{\"id\": 1, \"kind\": \"click\", \"at\": \"2024-05-01 10:00:00\"}\n"
                + "{\"id\": 2, \"kind\": \"view\", \"score\": 0.5, \"at\": \"2024-05-01 10:00:01\"}\n");

        LoadedTable events = loader.load(LoadRequest.of("events.jsonl", dir));

        assertThat(events.schema().getColumns()).extracting(Column::toString).containsExactly(
                "`id` BIGINT NOT NULL", "`kind` STRING NOT NULL", "`at` TIMESTAMP(3) NOT NULL", "`score` DOUBLE");
        assertThat(rows("SELECT kind FROM events WHERE score IS NULL")).containsExactly(Row.of("click"));
    }

    @Test
    void aJsonLineFlinkCannotReadIsFoundByItsLine() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            lines.append(i == 17 ? "{\"id\": \"seventeen\"}" : "{\"id\": " + i + "}").append('\n');
        }
        Path file = write("ids.jsonl", lines.toString());

        assertThatThrownBy(() -> new TableLoader(tEnv, 5).load(LoadRequest.of("ids.jsonl", dir)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Malformed row at " + file + ", line 17: field id = \"seventeen\" is not a BIGINT");
    }

    @Test
    void parquetFilesAreReadWithTheSchemaOfTheirFooter() throws Exception {
        Path folder = dir.resolve("sales-parquet");
        tEnv.executeSql("CREATE TEMPORARY TABLE parquet_out (id BIGINT NOT NULL, item STRING, price DECIMAL(10, 2), "
                + "`day` DATE, `at` TIMESTAMP(3), ok BOOLEAN) WITH ('connector' = 'filesystem', 'path' = '" + folder
                + "', 'format' = 'parquet', 'parquet.compression' = 'SNAPPY')");
        tEnv.executeSql("INSERT INTO parquet_out VALUES (1, 'tea', 2.50, DATE '2024-03-01', "
                + "TIMESTAMP '2024-03-01 10:00:00.250', true), "
                + "(2, 'cake', 4.00, CAST(NULL AS DATE), CAST(NULL AS TIMESTAMP(3)), false)").await();

        LoadedTable sales = loader.load(LoadRequest.of("sales-parquet", dir).withFormat(FileFormat.PARQUET));

        assertThat(sales.name()).isEqualTo("sales_parquet");
        assertThat(sales.rows()).isEqualTo(2);
        assertThat(sales.schema().getColumns()).extracting(Column::toString).containsExactly(
                "`id` BIGINT NOT NULL", "`item` STRING", "`price` DECIMAL(10, 2)", "`day` DATE",
                "`at` TIMESTAMP(9)", "`ok` BOOLEAN");
        assertThat(rows("SELECT SUM(price), MAX(`at`) FROM sales_parquet"))
                .extracting(Row::toString)
                .containsExactly("+I[6.50, 2024-03-01T10:00:00.250]");
    }

    @Test
    void userErrorsSayWhatWasWrong() throws Exception {
        write("x.data", "1\n");
        assertThatThrownBy(() -> loader.load(LoadRequest.of("x.data", dir)))
                .hasMessageContaining("Cannot tell the format of " + dir.resolve("x.data"));
        assertThatThrownBy(() -> loader.load(LoadRequest.of("x.data", dir).withFormat(FileFormat.CSV)
                        .withSchema("a INTEGRAL")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INTEGRAL");
        write("p.parquet", "PAR1");
        assertThatThrownBy(() -> loader.load(LoadRequest.of("p.parquet", dir)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not a Parquet file: " + dir.resolve("p.parquet"));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static List<Row> rows(String query) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(query).collect()) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }
}
