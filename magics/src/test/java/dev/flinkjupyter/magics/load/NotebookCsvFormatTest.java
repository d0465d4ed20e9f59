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
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook-csv format read by real Flink jobs on one shared engine. */
class NotebookCsvFormatTest {

    private static FlinkEngine engine;
    private static TableEnvironment tEnv;

    @TempDir
    Path dir;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = FlinkEngine.create(EngineOptions.of(Files.createTempDirectory("load-format-test-")).withParallelism(1));
        tEnv = engine.tableEnvironment();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void skipsTheHeaderAndReadsTypedColumns() throws Exception {
        Path file = write("people.csv", "id,name,score\n1,ada,9.5\n2,bob,\n");
        declare("people", "id BIGINT NOT NULL, name STRING, score DOUBLE", file, "'notebook-csv.header' = 'true'");

        assertThat(rows("SELECT id, name, score FROM people"))
                .containsExactly(Row.of(1L, "ada", 9.5), Row.of(2L, "bob", null));
    }

    @Test
    void aBadValueFailsWithItsFileAndLine() throws Exception {
        Path file = write("bad.csv", "id,name\n1,ada\n2,bob\nthree,cy\n4,dan\n");
        declare("bad", "id BIGINT, name STRING", file, "'notebook-csv.header' = 'true'");

        assertThatThrownBy(() -> rows("SELECT * FROM bad"))
                .satisfies(e -> assertThat(MalformedRowException.location(e))
                        .startsWith("Malformed row at " + file + ", line 4: ")
                        .contains("three"));
    }

    @Test
    void aQuotedLineBreakCountsForTheLinesAfterIt() throws Exception {
        Path file = write("multi.csv", "1,\"two\nlines\"\n2,ok\nx,bad\n");
        declare("multi", "id BIGINT, note STRING", file, "'notebook-csv.header' = 'false'");

        assertThatThrownBy(() -> rows("SELECT * FROM multi"))
                .satisfies(e -> assertThat(MalformedRowException.location(e)).contains(", line 4: "));
    }

    @Test
    void tooManyFieldsAndAnEmptyNotNullValueAreMalformed() throws Exception {
        Path wide = write("wide.csv", "1,a\n2,b,extra\n");
        declare("wide", "id BIGINT, name STRING", wide, "'notebook-csv.header' = 'false'");
        assertThatThrownBy(() -> rows("SELECT * FROM wide"))
                .satisfies(e -> assertThat(MalformedRowException.location(e)).contains(", line 2: "));

        Path empty = write("empty.csv", "1,a\n,b\n");
        declare("blanks", "id BIGINT NOT NULL, name STRING", empty, "'notebook-csv.header' = 'false'");
        assertThatThrownBy(() -> rows("SELECT * FROM blanks"))
                .satisfies(e -> assertThat(MalformedRowException.location(e))
                        .contains(", line 2: ")
                        .contains("empty value in column id"));
    }

    @Test
    void skipLeavesMalformedRecordsOutAndRecordsCountsThemAll() throws Exception {
        Path file = write("mixed.csv", "1,a\nx,b\n3,c\n4,d,e\n5,e\n");
        declare("mixed", "id BIGINT, name STRING", file, "'notebook-csv.on-error' = 'skip'");
        declare("mixed_records", "id BIGINT, name STRING", file, "'notebook-csv.on-error' = 'records'");

        assertThat(rows("SELECT id FROM mixed")).containsExactly(Row.of(1L), Row.of(3L), Row.of(5L));
        assertThat(rows("SELECT COUNT(*) FROM mixed_records")).containsExactly(Row.of(5L));
    }

    @Test
    void aFolderIsReadWholeAndAnErrorNamesTheFileInIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("parts"));
        Files.writeString(folder.resolve("a.csv"), "n\n1\n2\n");
        Files.writeString(folder.resolve("b.csv"), "n\n3\n");
        declare("parts", "n BIGINT", folder, "'notebook-csv.header' = 'true'");
        assertThat(rows("SELECT SUM(n) FROM parts")).containsExactly(Row.of(6L));

        Files.writeString(folder.resolve("c.csv"), "n\n4\n\n5\nfive\n"); // a blank line is a null
        assertThatThrownBy(() -> rows("SELECT SUM(n) FROM parts"))
                .satisfies(e -> assertThat(MalformedRowException.location(e))
                        .startsWith("Malformed row at " + folder.resolve("c.csv") + ", line 5: "));
    }

    @Test
    void aBadValueFailsTheQueriesReadingItsColumnOrAllWithCheckAllColumns() throws Exception {
        Path file = write("wide.csv", "1,a,2024-01-01\n2,b,someday\n3,c,2024-01-03\n");
        declare("dated", "id BIGINT, name STRING, `day` DATE", file, "'notebook-csv.on-error' = 'fail'");
        declare("dated_all", "id BIGINT, name STRING, `day` DATE", file, "'notebook-csv.check-all-columns' = 'true'");
        declare("dated_skip", "id BIGINT, name STRING, `day` DATE", file, "'notebook-csv.on-error' = 'skip'");

        assertThat(rows("SELECT COUNT(*), SUM(id) FROM dated")).containsExactly(Row.of(3L, 6L));
        assertThatThrownBy(() -> rows("SELECT MAX(`day`) FROM dated"))
                .satisfies(e -> assertThat(MalformedRowException.location(e)).contains(", line 2: "));
        assertThatThrownBy(() -> rows("SELECT COUNT(*) FROM dated_all"))
                .satisfies(e -> assertThat(MalformedRowException.location(e)).contains(", line 2: "));
        // Skipping is decided on the whole record: every query sees the same rows.
        assertThat(rows("SELECT COUNT(*) FROM dated_skip")).containsExactly(Row.of(2L));
        assertThat(rows("SELECT name, id FROM dated_skip")).containsExactly(Row.of("a", 1L), Row.of("c", 3L));
    }

    @Test
    void aSemicolonDelimiter() throws Exception {
        Path file = write("semi.csv", "1;a,b\n");
        declare("semi", "id BIGINT, name STRING", file, "'notebook-csv.field-delimiter' = ';'");
        assertThat(rows("SELECT * FROM semi")).containsExactly(Row.of(1L, "a,b"));
    }

    @Test
    void everyTypeIsReadFromPlainQuotedOrSpacedText() throws Exception {
        Path file = write("types.csv",
                " 7 ,\" 2.5\",1.25,-3,TRUE,2024-02-29,\"caf\u00e9 \"\"ok\"\"\",12.34,2024-01-02 03:04:05.678,1e3,x\n"
                + ",,,,,,,,,,\n");
        declare("types", "id BIGINT, x DOUBLE, f FLOAT, i INT, b BOOLEAN, d DATE, s STRING, m DECIMAL(5, 2), "
                + "ts TIMESTAMP(3), e DOUBLE, v VARCHAR(3)", file, "'notebook-csv.header' = 'false'");

        assertThat(rows("SELECT * FROM types")).containsExactly(
                Row.of(7L, 2.5, 1.25f, -3, true, java.time.LocalDate.of(2024, 2, 29), "caf\u00e9 \"ok\"",
                        new java.math.BigDecimal("12.34"), java.time.LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000),
                        1000.0, "x"),
                Row.of(null, null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    void aBadNumberNamesItsColumnTypeAndText() throws Exception {
        Path file = write("nums.csv", "1.5,2\n2.5,\"oops\"\n");
        declare("nums", "x DOUBLE, y DOUBLE", file, "'notebook-csv.header' = 'false'");

        assertThatThrownBy(() -> rows("SELECT y FROM nums"))
                .satisfies(e -> assertThat(MalformedRowException.location(e))
                        .startsWith("Malformed row at " + file + ", line 2: column y: \"oops\" is not a DOUBLE"));
    }

    @Test
    void aDelimiterOutsideAsciiIsRefusedByName() throws Exception {
        Path file = write("pilcrow.csv", "1\u00b6a\n");
        declare("pilcrow", "id BIGINT, name STRING", file, "'notebook-csv.field-delimiter' = '\u00b6'");

        assertThatThrownBy(() -> rows("SELECT * FROM pilcrow"))
                .hasStackTraceContaining("'notebook-csv.field-delimiter' must be one ASCII character");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static void declare(String table, String columns, Path path, String formatOptions) {
        tEnv.executeSql("DROP TABLE IF EXISTS `" + table + "`");
        tEnv.executeSql("CREATE TABLE `" + table + "` (" + columns + ") WITH ('connector' = 'filesystem', "
                + "'path' = '" + path + "', 'format' = 'notebook-csv', " + formatOptions + ")");
    }

    private static List<Row> rows(String query) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(query).collect()) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }
}
