package dev.flinkjupyter.magics.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSetTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileNamesTheAbsolutePathTried() {
        assertThatThrownBy(() -> FileSet.resolve("nope/x.csv", dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No such file: " + dir.resolve("nope/x.csv"));
        assertThatThrownBy(() -> FileSet.resolve("*.csv", dir)).hasMessage("No file matches " + dir.resolve("*.csv"));
    }

    @Test
    void aGlobStartsAtItsFolderAndSkipsHiddenFiles() throws Exception {
        Files.createDirectories(dir.resolve("in/2024"));
        Files.writeString(dir.resolve("in/2024/a.csv"), "1\n");
        Files.writeString(dir.resolve("in/2024/b.csv"), "2\n");
        Files.writeString(dir.resolve("in/2024/.c.csv"), "3\n");
        Files.writeString(dir.resolve("in/2024/d.txt"), "4\n");

        FileSet set = FileSet.resolve("in/*/*.csv", dir);

        assertThat(set.root()).isEqualTo(dir.resolve("in"));
        assertThat(set.files()).containsExactly(dir.resolve("in/2024/a.csv"), dir.resolve("in/2024/b.csv"));
        assertThat(FileSet.resolve("in", dir).files()).hasSize(3);
    }

    @Test
    void theRegexMatchesWhatTheGlobMatches() {
        for (String glob : List.of("/d/*.csv", "/d/**/part-?.json", "/d/[ab]x.csv", "/d/{x,y}.csv", "/d.v/a+b(1).csv")) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            Pattern regex = Pattern.compile(FileSet.globToRegex(glob));
            for (String path : List.of("/d/a.csv", "/d/e/a.csv", "/d/e/f/part-1.json", "/d/part-1.json",
                    "/d/ax.csv", "/d/cx.csv", "/d/x.csv", "/d/z.csv", "/d.v/a+b(1).csv", "/dxv/a+b(1).csv")) {
                assertThat(regex.matcher(path).matches())
                        .as(glob + " on " + path)
                        .isEqualTo(matcher.matches(Path.of(path)));
            }
        }
    }
}
