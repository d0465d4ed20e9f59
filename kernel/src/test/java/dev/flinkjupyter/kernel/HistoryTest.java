package dev.flinkjupyter.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryTest {

    @Test
    void tailRangeAndSearchOverTheCurrentSession() {
        History history = new History(null);
        history.add(1, "int x = 1;", null);
        history.add(2, "x + 1", "2");
        history.add(3, "String s = \"x\";", null);

        assertThat(history.tail(2)).extracting(History.Entry::input).containsExactly("x + 1", "String s = \"x\";");
        assertThat(history.range(0, 2, 4)).extracting(History.Entry::line).containsExactly(2, 3);
        assertThat(history.range(0, 1, 0)).hasSize(3);
        assertThat(history.search("int*", 10, false)).extracting(History.Entry::input).containsExactly("int x = 1;");
        assertThat(history.search("x ? 1", 10, false)).extracting(History.Entry::output).containsExactly("2");
    }

    @Test
    void searchKeepsTheLastNAndCanDropRepeats() {
        History history = new History(null);
        for (int i = 1; i <= 5; i++) {
            history.add(i, "1+1", "2");
        }
        assertThat(history.search("1*", 2, false)).extracting(History.Entry::line).containsExactly(4, 5);
        assertThat(history.search("1*", 10, true)).hasSize(1);
    }

    @Test
    void laterKernelsSeeEarlierSessions(@TempDir Path dir) {
        Path file = dir.resolve("flink-java").resolve("history.jsonl");
        History first = new History(file);
        first.add(1, "int a = 1;", null);

        History second = new History(file);
        second.add(1, "a", "1");

        assertThat(second.session()).isEqualTo(first.session() + 1);
        assertThat(second.tail(10)).extracting(History.Entry::input).containsExactly("int a = 1;", "a");
        assertThat(second.range(-1, 1, 0)).extracting(History.Entry::input).containsExactly("int a = 1;");
        assertThat(History.toJson(second.tail(1), true).get(0).getAsJsonArray().get(2).getAsJsonArray().get(1).getAsString())
                .isEqualTo("1");
    }
}
