package dev.flinkjupyter.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiveTableTest {
    private static final List<HtmlTable.Column> WORD_COUNT =
            List.of(HtmlTable.Column.of("word", "STRING"), HtmlTable.Column.numeric("n", "BIGINT"));

    private static LiveTable counts(LiveTable.Mode mode, int maxRows) {
        return new LiveTable(mode, WORD_COUNT, maxRows);
    }

    /** The changelog of a grouped count: +I a 1, -U a 1, +U a 2, ... */
    private static void count(LiveTable table, String... words) {
        java.util.Map<String, Long> n = new java.util.HashMap<>();
        for (String word : words) {
            Long before = n.get(word);
            long after = before == null ? 1 : before + 1;
            if (before == null) {
                table.apply(Change.INSERT, List.of(word, after));
            } else {
                table.apply(Change.UPDATE_BEFORE, List.of(word, before));
                table.apply(Change.UPDATE_AFTER, List.of(word, after));
            }
            n.put(word, after);
        }
    }

    @Test
    void aGroupedCountShowsTheCurrentCounts() {
        LiveTable table = counts(LiveTable.Mode.TABLE, 100);
        count(table, "a", "b", "a", "c", "a", "b");

        assertThat(table.rows()).containsExactly(List.of("a", 3L), List.of("b", 2L), List.of("c", 1L));
        assertThat(table.rowCount()).isEqualTo(3);
        assertThat(table.changes()).isEqualTo(9);
        assertThat(table.view("").note()).isEqualTo("3 rows");
    }

    @Test
    void anUpdatedRowKeepsItsPlace() {
        LiveTable table = counts(LiveTable.Mode.TABLE, 100);
        count(table, "a", "b", "c", "a");

        assertThat(table.rows()).extracting(row -> row.get(0)).containsExactly("a", "b", "c");
    }

    @Test
    void aRowBeingUpdatedShowsItsOldValuesUntilItsNewOnesCome() {
        LiveTable table = counts(LiveTable.Mode.TABLE, 100);
        count(table, "a", "b");
        table.apply(Change.UPDATE_BEFORE, List.of("a", 1L));

        assertThat(table.rows()).containsExactly(List.of("a", 1L), List.of("b", 1L));
        assertThat(table.view("live").note()).isEqualTo("2 rows · live");
        table.apply(Change.UPDATE_AFTER, List.of("a", 2L));
        assertThat(table.rows()).containsExactly(List.of("a", 2L), List.of("b", 1L));
    }

    @Test
    void interleavedUpdatesOfTwoKeysEndRight() {
        LiveTable table = counts(LiveTable.Mode.TABLE, 100);
        table.apply(Change.INSERT, List.of("a", 1L));
        table.apply(Change.INSERT, List.of("b", 1L));
        // two upstream tasks: their -U and +U pairs interleave
        table.apply(Change.UPDATE_BEFORE, List.of("a", 1L));
        table.apply(Change.UPDATE_BEFORE, List.of("b", 1L));
        table.apply(Change.UPDATE_AFTER, List.of("b", 2L));
        table.apply(Change.UPDATE_AFTER, List.of("a", 2L));

        assertThat(table.rows()).containsExactly(List.of("a", 2L), List.of("b", 2L));
    }

    @Test
    void deleteRemovesOneEqualRow() {
        LiveTable table = counts(LiveTable.Mode.TABLE, 100);
        table.apply(Change.INSERT, List.of("a", 1L));
        table.apply(Change.INSERT, List.of("a", 1L));
        table.apply(Change.INSERT, List.of("b", 1L));
        table.apply(Change.DELETE, List.of("a", 1L));

        assertThat(table.rows()).containsExactly(List.of("a", 1L), List.of("b", 1L));
    }

    @Test
    void aRetractionOfAnUnknownRowIsIgnored() {
        LiveTable table = counts(LiveTable.Mode.TABLE, 100);
        table.apply(Change.INSERT, List.of("a", 1L));
        table.apply(Change.DELETE, List.of("z", 9L));
        table.apply(Change.UPDATE_BEFORE, List.of("y", 9L));
        table.apply(Change.UPDATE_AFTER, List.of("y", 10L));

        assertThat(table.rows()).containsExactly(List.of("a", 1L), List.of("y", 10L));
    }

    @Test
    void nullsAndArraysCompareByValue() {
        List<HtmlTable.Column> columns = List.of(HtmlTable.Column.of("k", ""), HtmlTable.Column.of("bytes", "BYTES"));
        LiveTable table = new LiveTable(LiveTable.Mode.TABLE, columns, 10);
        table.apply(Change.INSERT, java.util.Arrays.asList(null, new byte[] {1, 2}));
        table.apply(Change.DELETE, java.util.Arrays.asList(null, new byte[] {1, 2}));

        assertThat(table.rows()).isEmpty();
    }

    @Test
    void tableModeShowsTheFirstRowsAndSaysHowManyThereAre() {
        LiveTable table = counts(LiveTable.Mode.TABLE, 2);
        count(table, "a", "b", "c", "d");

        HtmlTable view = table.view("live");
        assertThat(view.rowCount()).isEqualTo(2);
        assertThat(view.note()).isEqualTo("showing 2 of 4 rows · live");
        assertThat(view.text()).contains("a").contains("b").doesNotContain("| c");
    }

    @Test
    void tableModeDropsTheOldestRowsBeyondItsCapacity() {
        LiveTable table = new LiveTable(LiveTable.Mode.TABLE, WORD_COUNT, 2, 3);
        count(table, "a", "b", "c", "d", "e");

        assertThat(table.rowCount()).isEqualTo(3);
        assertThat(table.rows()).extracting(row -> row.get(0)).containsExactly("c", "d");
        assertThat(table.view("").note()).isEqualTo("showing 2 of 3 rows (2 oldest dropped to keep 3)");
    }

    @Test
    void appendModeShowsTheLatestRows() {
        LiveTable table = counts(LiveTable.Mode.APPEND, 2);
        for (int i = 1; i <= 5; i++) {
            table.apply(Change.INSERT, List.of("w" + i, (long) i));
        }

        HtmlTable view = table.view("");
        assertThat(table.rows()).containsExactly(List.of("w4", 4L), List.of("w5", 5L));
        assertThat(view.columns()).extracting(HtmlTable.Column::name).containsExactly("word", "n");
        assertThat(view.note()).isEqualTo("showing the last 2 of 5 rows");
    }

    @Test
    void appendModeShowsTheOpsOfAChangelogRatherThanHideThem() {
        LiveTable table = counts(LiveTable.Mode.APPEND, 10);
        count(table, "a", "a");

        assertThat(table.view("").columns()).extracting(HtmlTable.Column::name).containsExactly("op", "word", "n");
    }

    @Test
    void changelogModeShowsEveryChangeWithItsOp() {
        LiveTable table = counts(LiveTable.Mode.CHANGELOG, 10);
        count(table, "a", "a");

        HtmlTable view = table.view("");
        assertThat(view.note()).isEqualTo("3 changes");
        assertThat(view.text()).contains("+I | a").contains("-U | a").contains("+U | a");
        WellFormed.html(view.html());
    }

    @Test
    void valuesAreEscaped() {
        LiveTable table = counts(LiveTable.Mode.TABLE, 10);
        table.apply(Change.INSERT, List.of("<script>alert(1)</script>", 1L));

        String html = table.view("live").html();
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;");
        WellFormed.html(html);
    }

    @Test
    void aRowMustHaveOneCellPerColumn() {
        assertThatThrownBy(() -> counts(LiveTable.Mode.TABLE, 10).apply(Change.INSERT, List.of("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 cells for 2 columns");
    }
}
