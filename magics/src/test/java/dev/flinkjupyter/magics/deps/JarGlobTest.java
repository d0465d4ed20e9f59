package dev.flinkjupyter.magics.deps;

import dev.flinkjupyter.magics.MagicException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JarGlobTest {

    @Test
    void aRelativePatternReadsTheFolderItNames(@TempDir Path dir) throws Exception {
        Path a = touch(dir.resolve("lib/a.jar"));
        Path b = touch(dir.resolve("lib/b.jar"));
        touch(dir.resolve("lib/readme.txt"));
        touch(dir.resolve("lib/deeper/c.jar"));

        assertThat(new JarGlob("lib/*.jar").match(dir)).containsExactly(a, b);
    }

    @Test
    void doubleStarCrossesFoldersAndAbsolutePatternsIgnoreTheDirectory(@TempDir Path dir) throws Exception {
        Path c = touch(dir.resolve("lib/deeper/c.jar"));
        Path d = touch(dir.resolve("lib/deeper/still/d.jar"));

        assertThat(new JarGlob(dir + "/lib/**/*.jar").match(Path.of("/nonexistent"))).containsExactly(c, d);
    }

    @Test
    void aPlainPathMatchesThatFile(@TempDir Path dir) throws Exception {
        Path a = touch(dir.resolve("a.jar"));

        assertThat(new JarGlob("a.jar").match(dir)).containsExactly(a);
        assertThat(new JarGlob("b.jar").match(dir)).isEmpty();
    }

    @Test
    void noMatchNamesThePatternAndTheDirectory(@TempDir Path dir) {
        assertThatThrownBy(() -> new JarGlob("lib/*.jar").matchSome(dir))
                .isInstanceOf(MagicException.class)
                .hasMessage("no file matches 'lib/*.jar' in " + dir.toAbsolutePath());
    }

    private static Path touch(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "x");
    }
}
