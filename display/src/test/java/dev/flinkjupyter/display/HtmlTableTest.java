package dev.flinkjupyter.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkjupyter.display.HtmlTable.Column;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlTableTest {

    private static HtmlTable people() {
        return HtmlTable.withColumns(Column.numeric("id", "INT"), Column.of("name", "STRING"), Column.numeric("score", "DOUBLE"))
                .addRow(1, "a", null)
                .addRow(2, "<script>alert(1)</script>", 2.5);
    }

    @Test
    void headerHasColumnNamesAndTypes() {
        Document html = WellFormed.html(people().html());

        List<Element> headers = WellFormed.elements(html, "th");
        assertThat(headers).hasSize(3);
        assertThat(headers.get(0).getFirstChild().getTextContent()).isEqualTo("id");
        assertThat(WellFormed.texts(html, "span").subList(0, 3)).containsExactly("INT", "STRING", "DOUBLE");
    }

    @Test
    void dataIsEscapedAndShownAsText() {
        String html = people().html();

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(WellFormed.bodyRows(WellFormed.html(html)).get(1)).containsExactly("2", "<script>alert(1)</script>", "2.5");
    }

    @Test
    void namesTypesAndTitleAreEscapedToo() {
        String html = HtmlTable.withColumns(Column.of("<i>a</i>", "<b>T</b>")).title("x & <y>").addRow("v").html();

        WellFormed.html(html);
        assertThat(html).doesNotContain("<i>a</i>").doesNotContain("<b>T</b>").contains("x &amp; &lt;y&gt;");
    }

    @Test
    void nullIsMarked() {
        Document html = WellFormed.html(people().html());

        Element score = (Element) WellFormed.elements(html, "tr").get(1).getElementsByTagName("td").item(2);
        Element marker = (Element) score.getElementsByTagName("span").item(0);
        assertThat(marker.getAttribute("class")).isEqualTo("fj-null");
        assertThat(marker.getTextContent()).isEqualTo("NULL");
    }

    @Test
    void numbersAreRightAligned() {
        Document html = WellFormed.html(people().html());

        List<Element> firstRow = cells(WellFormed.elements(html, "tr").get(1));
        assertThat(firstRow.get(0).getAttribute("class")).isEqualTo("fj-num");
        assertThat(firstRow.get(1).getAttribute("class")).isEmpty();
        assertThat(firstRow.get(2).getAttribute("class")).isEqualTo("fj-num");
        assertThat(people().html()).contains(".fj-table .fj-num{text-align:right");
    }

    @Test
    void columnsOfNumbersAreRightAlignedWithoutBeingDeclaredSo() {
        Document html = WellFormed.html(HtmlTable.withColumns(Column.of("n", "Object")).addRow(1L).addRow((Object) null).html());

        assertThat(cells(WellFormed.elements(html, "tr").get(1)).get(0).getAttribute("class")).isEqualTo("fj-num");
    }

    @Test
    void columnsTypedByTheirValues() {
        assertThat(Column.forValues("n", List.of(1, 2)).type()).isEqualTo("Integer");
        assertThat(Column.forValues("n", java.util.Arrays.asList(1, 2L, null)).type()).isEqualTo("Number");
        assertThat(Column.forValues("n", java.util.Arrays.asList(1, "a")).type()).isEqualTo("Object");
        assertThat(Column.forValues("n", java.util.Arrays.asList((Object) null)).type()).isEmpty();
    }

    @Test
    void noteSaysHowManyRowsAreShown() {
        assertThat(people().note()).isEqualTo("2 rows");
        assertThat(people().count(RowCount.of(2, 10)).note()).isEqualTo("showing 2 of 10 rows");
        assertThat(people().count(RowCount.atLeast(2, 3)).html()).contains("showing 2 of at least 3 rows");
        assertThat(people().count(RowCount.atLeast(2, 3)).text()).endsWith("showing 2 of at least 3 rows");
        assertThat(HtmlTable.withColumns(Column.of("a", "")).addRow("x").note()).isEqualTo("1 row");
    }

    @Test
    void textIsAnAlignedConsoleTable() {
        assertThat(people().text()).isEqualTo(String.join("\n",
                " id | name                      |  score",
                "INT | STRING                    | DOUBLE",
                "----+---------------------------+-------",
                "  1 | a                         |   NULL",
                "  2 | <script>alert(1)</script> |    2.5",
                "2 rows"));
    }

    @Test
    void longAndMultiLineValuesStayOnOneShortLineInText() {
        String text = HtmlTable.withColumns(Column.of("s", "")).addRow("x".repeat(500)).addRow("a\nb").text();

        assertThat(text.lines().toList()).hasSize(5);
        assertThat(text).contains("a\\nb").contains("x".repeat(HtmlTable.MAX_TEXT_CELL_CHARS - 1) + "\u2026");
    }

    @Test
    void arraysAndBytesInCellsAreSpelledOut() {
        List<List<String>> rows = WellFormed.bodyRows(WellFormed.html(HtmlTable.withColumns(Column.of("v", ""))
                .addRow((Object) new int[] {1, 2})
                .addRow((Object) new byte[] {10, -1})
                .html()));

        assertThat(rows).containsExactly(List.of("[1, 2]"), List.of("x'0aff'"));
    }

    @Test
    void rowsMustMatchTheColumns() {
        assertThatThrownBy(() -> people().addRow(1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 cells for 3 columns [id, name, score]");
        assertThatThrownBy(() -> people().count(RowCount.of(5, 10))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bundleHasHtmlAndItsTextTwin() {
        MimeBundle bundle = people().bundle();

        assertThat(bundle.data()).containsOnlyKeys(MimeBundle.TEXT, MimeBundle.HTML);
        assertThat(bundle.get(MimeBundle.TEXT)).isEqualTo(people().text());
    }

    @Test
    void thousandRowsRenderQuickly() {
        HtmlTable table = HtmlTable.withColumns(Column.numeric("id", "BIGINT"), Column.of("name", "STRING"),
                Column.numeric("score", "DOUBLE"), Column.of("when", "TIMESTAMP(3)"));
        for (int i = 0; i < 1000; i++) {
            table.addRow((long) i, "name <" + i + ">", i * 0.5, "2024-01-01 10:00:00.000");
        }
        for (int warm = 0; warm < 20; warm++) {
            table.bundle();
        }
        long start = System.nanoTime();
        int runs = 20;
        for (int i = 0; i < runs; i++) {
            table.bundle();
        }
        long micros = (System.nanoTime() - start) / runs / 1000;
        String html = table.html();
        System.out.printf("[render] HtmlTable 1000 rows x 4 columns, HTML + text: %.2f ms warm, HTML %d KB%n",
                micros / 1000.0, html.length() / 1024);
        assertThat(WellFormed.bodyRows(WellFormed.html(html))).hasSize(1000);
    }

    private static List<Element> cells(Element row) {
        List<Element> cells = new java.util.ArrayList<>();
        for (int i = 0; i < row.getElementsByTagName("td").getLength(); i++) {
            cells.add((Element) row.getElementsByTagName("td").item(i));
        }
        return cells;
    }
}
