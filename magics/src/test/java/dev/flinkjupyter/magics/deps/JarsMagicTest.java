package dev.flinkjupyter.magics.deps;

import dev.flinkjupyter.display.HtmlTable;
import dev.flinkjupyter.magics.MagicCall;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Magics;
import dev.flinkjupyter.magics.TestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JarsMagicTest {
    private final Magics magics = Magics.load();

    @Test
    void addsTheMatchedJarsOnceAndSkipsLibrariesTheKernelHas(@TempDir Path dir) throws Exception {
        Path mine = TestJars.jar(dir.resolve("libs/mine-1.0.jar"), "org.example.jars:mine:1.0");
        TestJars.jar(dir.resolve("libs/slf4j-api-2.0.17.jar"), "org.slf4j:slf4j-api:2.0.17");
        TestSession session = new TestSession();

        String first = ((HtmlTable) jars(session, dir + "/libs/*.jar")).text();

        assertThat(session.classPath()).containsExactly(mine);
        assertThat(first).contains("org.example.jars:mine:1.0", "skipped: the kernel has org.slf4j:slf4j-api:1.7.36",
                "1 jar added of 2 matched");

        String again = ((HtmlTable) jars(session, mine.toString())).text();
        assertThat(again).contains("added before");
        assertThat(session.classPath()).containsExactly(mine);
    }

    @Test
    void aFileThatIsNoJarIsAnError(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jar"), "not a zip");

        assertThatThrownBy(() -> jars(new TestSession(), text.toString()))
                .isInstanceOf(MagicException.class)
                .hasMessageStartingWith(text + " is not a jar");
    }

    @Test
    void aPatternMatchingNothingIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> jars(new TestSession(), dir + "/*.jar"))
                .isInstanceOf(MagicException.class)
                .hasMessage("no file matches '" + dir + "/*.jar'");
    }

    private Object jars(TestSession session, String arguments) throws Exception {
        return magics.run(session, new MagicCall("jars", false, arguments, "", 1));
    }
}
