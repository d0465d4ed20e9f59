package dev.flinkjupyter.magics.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkjupyter.display.LiveFeed;
import dev.flinkjupyter.magics.MagicCall;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Magics;
import dev.flinkjupyter.magics.TestSession;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;

/** {@code %%sql} on a real engine, called as the kernel calls it. */
class SqlMagicTest {
    private static final Magics MAGICS = Magics.load();
    private static TestSession session;

    @BeforeAll
    static void start() {
        session = new TestSession();
        sql("", "CREATE TEMPORARY VIEW people (name, age, city) AS VALUES ('ann', 31, 'Oslo'), ('bob', 25, 'Rome'),"
                + " ('cid', 47, 'Oslo');\n"
                + "CREATE TEMPORARY TABLE ticks (n INT) WITH ('connector' = 'datagen', 'rows-per-second' = '10')");
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @AfterEach
    void cancelJobs() {
        session.engine().cancelRunningJobs();
    }

    private static Object sql(String arguments, String body) {
        try {
            return MAGICS.run(session, new MagicCall("sql", true, arguments, body, 1));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rows(Object result) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = ((TableResult) result).collect()) {
            it.forEachRemaining(row -> rows.add(row.toString()));
        }
        return rows;
    }

    @Test
    void showsTheLastQueryOfTheCell() throws Exception {
        Object result = sql("", "SET 'table.exec.resource.default-parallelism' = '1';\n"
                + "SELECT city, COUNT(*) AS n FROM people GROUP BY city;\n-- done");

        assertThat(rows(result)).containsExactlyInAnyOrder("+I[Oslo, 2]", "+I[Rome, 1]");
    }

    @Test
    void bindsABoundedResultAsATablesawTable() {
        Object shown = sql("-o adults --limit 10", "SELECT name, age FROM people WHERE age > 30 ORDER BY age");

        tech.tablesaw.api.Table adults = (tech.tablesaw.api.Table) session.value("adults").orElseThrow();
        assertThat(shown).isSameAs(adults);
        assertThat(session.variables()).containsEntry("adults", "tech.tablesaw.api.Table");
        assertThat(adults.columnNames()).containsExactly("name", "age");
        assertThat(adults.column("age").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(adults.intColumn("age").asList()).containsExactly(31, 47);
    }

    @Test
    void bindsAnUnboundedQueryAsAFlinkTableAndShowsItsRows() throws Exception {
        Object shown = sql("-o live", "SELECT n FROM ticks");

        assertThat(session.value("live").orElseThrow()).isInstanceOf(Table.class);
        assertThat(session.variables()).containsEntry("live", "org.apache.flink.table.api.Table");
        // the display renders a streaming TableResult live; a row proves the job runs
        assertThat(((TableResult) shown).collect().next().getArity()).isEqualTo(1);
    }

    @Test
    void limitShowsAtMostNRowsLive() {
        assertThat(sql("--limit 2", "SELECT name FROM people")).isInstanceOf(LiveFeed.class);
    }

    @Test
    void javaVariablesAreSubstitutedInTheSql() throws Exception {
        session.with("minAge", 40);

        assertThat(rows(sql("", "SELECT name FROM people WHERE age >= ${minAge}"))).containsExactly("+I[cid]");
    }

    @Test
    void badSqlNamesTheCellLineAndColumn() {
        // the cell: line 1 %%sql, line 2 SELECT 1;, line 3 the error
        assertThatThrownBy(() -> sql("", "SELECT 1;\nSELECT name,\nFROM people"))
                .isInstanceOf(MagicException.class)
                .hasMessageContaining("at line 4, column 1")
                .hasMessageContaining("4 | FROM people\n  | ^");
    }

    @Test
    void anUnknownTableKeepsFlinksMessage() {
        assertThatThrownBy(() -> sql("", "SELECT * FROM nobody"))
                .isInstanceOf(MagicException.class)
                .hasMessageContaining("Object 'nobody' not found")
                .hasMessageContaining("line 2, column 15");
    }

    @Test
    void badOptionsAreRefused() {
        assertThatThrownBy(() -> sql("--limit 0", "SELECT 1")).hasMessageContaining("--limit must be at least 1");
        assertThatThrownBy(() -> sql("-o 1x", "SELECT 1")).hasMessageContaining("not a Java variable name");
        assertThatThrownBy(() -> sql("-o t", "CREATE TEMPORARY VIEW v AS SELECT 1"))
                .hasMessageContaining("not a query");
        assertThatThrownBy(() -> sql("", "-- nothing")).hasMessageContaining("No SQL statement");
    }
}
