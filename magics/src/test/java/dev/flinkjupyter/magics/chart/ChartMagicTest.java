package dev.flinkjupyter.magics.chart;

import dev.flinkjupyter.display.Image;
import dev.flinkjupyter.magics.MagicCall;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Magics;
import dev.flinkjupyter.magics.TestSession;
import dev.flinkjupyter.magics.UsageException;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** %chart on a real Flink engine, with the tables the tests create. */
class ChartMagicTest {
    private static TestSession session;
    private final Magics magics = Magics.load();

    /** A sale of the tests' data, as a notebook would declare it. */
    public record Sale(String city, double amount, LocalDate day) {
    }

    @BeforeAll
    static void tables() {
        session = new TestSession();
        StreamTableEnvironment tEnv = session.engine().tableEnvironment();
        tEnv.executeSql("CREATE TEMPORARY VIEW numbers AS SELECT n, CAST(n * n AS DOUBLE) AS sq, "
                + "CASE WHEN n <= 4 THEN 'low' ELSE 'high' END AS label FROM (VALUES "
                + "(1), (2), (3), (4), (5), (6), (7), (8), (9), (10)) AS t(n)");
        tEnv.executeSql("CREATE TEMPORARY VIEW cities AS SELECT * FROM (VALUES "
                + "('Oslo', 3), ('Rome', 5), ('Lima', 2)) AS t(city, visits)");
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void aLineChartOfATableHasOneSeriesPerYColumn() throws Exception {
        XYChart chart = (XYChart) chart("line --table numbers --x n --y sq,n --title Squares");

        assertThat(chart.getTitle()).isEqualTo("Squares");
        assertThat(chart.getSeriesMap()).containsOnlyKeys("sq", "n");
        assertThat(chart.getSeriesMap().get("sq").getYData()).containsExactly(1, 4, 9, 16, 25, 36, 49, 64, 81, 100);
    }

    @Test
    void onlyTheLimitsRowsAreFetched() throws Exception {
        XYChart chart = (XYChart) chart("scatter --table numbers --x n --y sq --limit 3");

        assertThat(chart.getSeriesMap().get("sq").getXData()).containsExactly(1, 2, 3);
    }

    @Test
    void aHistogramIsCountedPerBinByFlink() throws Exception {
        CategoryChart chart = (CategoryChart) chart("hist --table numbers --y n --bins 3");

        // 1..10 in bins of width 3: [1,4) [4,7) [7,10]
        assertThat(values(chart.getSeriesMap().get("n").getYData())).containsExactly(3L, 3L, 4L);
        assertThat(values(chart.getSeriesMap().get("n").getXData())).containsExactly("2.5", "5.5", "8.5");
    }

    @Test
    void aHistogramInMemoryCountsTheSame() throws Exception {
        Table table = Table.create("t", DoubleColumn.create("n", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        session.with("tablesawNumbers", table);

        CategoryChart chart = (CategoryChart) chart("hist --var tablesawNumbers --x n --bins 3");

        assertThat(values(chart.getSeriesMap().get("n").getYData())).containsExactly(3L, 3L, 4L);
    }

    @Test
    void barAndPieChartsFromAQuery() throws Exception {
        CategoryChart bar = (CategoryChart) chart("bar --sql \"SELECT label, SUM(n) AS total FROM numbers GROUP BY label\" "
                + "--x label --y total");
        PieChart pie = (PieChart) chart("pie --table cities --x city --y visits");

        assertThat(values(bar.getSeriesMap().get("total").getXData())).containsExactlyInAnyOrder("low", "high");
        assertThat(pie.getSeriesMap()).containsOnlyKeys("Oslo", "Rome", "Lima");
        assertThat(pie.getSeriesMap().get("Rome").getValue().doubleValue()).isEqualTo(5.0);
    }

    @Test
    void aListOfRecordsAndAFlinkTableVariableAreCharted() throws Exception {
        List<Sale> sales = new ArrayList<>(List.of(new Sale("Oslo", 10, LocalDate.of(2024, 1, 2)),
                new Sale("Rome", 20, LocalDate.of(2024, 1, 1))));
        session.with("sales", sales);
        session.with("squares", session.engine().tableEnvironment().sqlQuery("SELECT n, sq FROM numbers WHERE n < 4"));

        XYChart byDay = (XYChart) chart("line --var sales --x day --y amount");
        XYChart squares = (XYChart) chart("line --var squares --x n --y sq");

        // a line is drawn in x order
        assertThat(byDay.getSeriesMap().get("amount").getYData()).containsExactly(20.0, 10.0);
        assertThat(squares.getSeriesMap().get("sq").getYData()).containsExactly(1, 4, 9);
    }

    @Test
    void svgOnRequest() throws Exception {
        Image image = (Image) chart("bar --table cities --x city --y visits --svg");

        assertThat(image.mimeType()).isEqualTo("image/svg+xml");
    }

    @Test
    void anUnknownTableListsTheTables() {
        assertThatThrownBy(() -> chart("line --table nope --x a --y b"))
                .isInstanceOf(MagicException.class)
                .hasMessageContaining("--table nope: no such table; tables: ")
                .hasMessageContaining("cities").hasMessageContaining("numbers");
    }

    @Test
    void anUnknownColumnListsTheColumnsWithTheirTypes() {
        assertThatThrownBy(() -> chart("line --table numbers --x n --y cube"))
                .isInstanceOf(MagicException.class)
                .hasMessage("--y cube: no column 'cube' in table numbers; its columns: n INT NOT NULL, sq DOUBLE NOT NULL, "
                        + "label VARCHAR(4) NOT NULL");
    }

    @Test
    void textIsNoValue() {
        assertThatThrownBy(() -> chart("hist --table numbers --y label"))
                .isInstanceOf(MagicException.class)
                .hasMessageStartingWith("--y label: a hist chart needs numbers there, and 'label' is VARCHAR(4) NOT NULL; "
                        + "numeric columns: n, sq");
        assertThatThrownBy(() -> chart("line --table numbers --x label --y n"))
                .isInstanceOf(MagicException.class)
                .hasMessageStartingWith("--x label: a line chart needs numbers, dates or times on x");
    }

    @Test
    void aMissingXOrSourceSaysWhat() {
        assertThatThrownBy(() -> chart("line --table numbers --y sq"))
                .isInstanceOf(MagicException.class)
                .hasMessage("--x is missing: a line chart needs the column along x; the columns of table numbers: "
                        + "n INT NOT NULL, sq DOUBLE NOT NULL, label VARCHAR(4) NOT NULL");
        assertThatThrownBy(() -> chart("line --x n --y sq"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--table")
                .hasMessageContaining("--sql");
        assertThatThrownBy(() -> chart("donut --table numbers --x n --y sq"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("donut");
    }

    @Test
    void aVariableOfAnotherKindIsAnError() {
        session.with("word", "hello");

        assertThatThrownBy(() -> chart("bar --var word --x a --y b"))
                .isInstanceOf(MagicException.class)
                .hasMessage("--var word is a java.lang.String: %chart takes a Flink Table, a Tablesaw table or a List of rows or records");
    }

    @Test
    void aPieNeedsDistinctLabels() {
        session.with("repeated", Table.create("r", StringColumn.create("k", "a", "a"), DoubleColumn.create("v", 1, 2)));

        assertThatThrownBy(() -> chart("pie --var repeated --x k --y v"))
                .isInstanceOf(MagicException.class)
                .hasMessageContaining("appears twice")
                .hasMessageContaining("GROUP BY k");
    }

    private static List<Object> values(java.util.Collection<?> data) {
        return new ArrayList<>(data);
    }

    private Object chart(String arguments) throws Exception {
        return magics.run(session, new MagicCall("chart", false, arguments, "", 1));
    }
}
