package dev.flinkjupyter.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TablesawRendererTest {

    private final Renderers renderers = new Renderers();

    private static Table scores(int rows) {
        IntColumn id = IntColumn.create("id");
        StringColumn name = StringColumn.create("name");
        DoubleColumn score = DoubleColumn.create("score");
        for (int i = 0; i < rows; i++) {
            id.append(i);
            name.append(i == 1 ? "<script>alert(1)</script>" : "n" + i);
            if (i == 0) {
                score.appendMissing();
            } else {
                score.append(i * 1.5);
            }
        }
        return Table.create("scores", id, name, score);
    }

    @Test
    void tableHasTheCommonLookWithTablesawTypes() {
        MimeBundle bundle = renderers.render(scores(3));

        Document html = WellFormed.html((String) bundle.get(MimeBundle.HTML));
        assertThat(WellFormed.elements(html, "th").stream().map(th -> th.getFirstChild().getTextContent()))
                .containsExactly("id", "name", "score");
        assertThat(WellFormed.texts(html, "span").subList(0, 3)).containsExactly("INTEGER", "STRING", "DOUBLE");
        assertThat(WellFormed.bodyRows(html)).containsExactly(
                List.of("0", "n0", "NULL"), List.of("1", "<script>alert(1)</script>", "1.5"), List.of("2", "n2", "3"));
        List<Element> firstRow = WellFormed.elements(html, "td").subList(0, 3);
        assertThat(firstRow.get(0).getAttribute("class")).isEqualTo("fj-num");
        assertThat(firstRow.get(1).getAttribute("class")).isEmpty();
        assertThat(firstRow.get(2).getAttribute("class")).isEqualTo("fj-num");
        assertThat((String) bundle.get(MimeBundle.HTML)).doesNotContain("<script>").contains(">scores</div>");
        assertThat((String) bundle.get(MimeBundle.TEXT)).startsWith("scores\n").endsWith("3 rows");
    }

    @Test
    void bigTableIsCutAtTheLimit() {
        renderers.setMaxRows(10);

        MimeBundle bundle = renderers.render(scores(25));

        assertThat(WellFormed.bodyRows(WellFormed.html((String) bundle.get(MimeBundle.HTML)))).hasSize(10);
        assertThat((String) bundle.get(MimeBundle.HTML)).contains("showing 10 of 25 rows");
        assertThat((String) bundle.get(MimeBundle.TEXT)).endsWith("showing 10 of 25 rows");
    }

    @Test
    void tableReadFromACsvFile(@TempDir Path dir) throws Exception {
        // Also proves Tablesaw works with the RoaringBitmap and ICU versions pinned for Flink's sake.
        Path csv = dir.resolve("cities.csv");
        Files.writeString(csv, "city,population\nBerlin,3850809\nZürich,\n");

        Table cities = Table.read().csv(csv.toFile());

        assertThat(WellFormed.bodyRows(WellFormed.html((String) renderers.render(cities).get(MimeBundle.HTML))))
                .containsExactly(List.of("Berlin", "3850809"), List.of("Zürich", "NULL"));
        assertThat(cities.intColumn("population").isMissing().size()).isEqualTo(1);
    }

    @Test
    void oneColumnAloneIsATableOfOneColumn() {
        MimeBundle bundle = renderers.render(scores(2).column("score"));

        assertThat(WellFormed.bodyRows(WellFormed.html((String) bundle.get(MimeBundle.HTML))))
                .containsExactly(List.of("NULL"), List.of("1.5"));
    }
}
