package dev.flinkjupyter.magics.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkjupyter.magics.MagicCall;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Magics;
import dev.flinkjupyter.magics.TestSession;
import dev.flinkjupyter.magics.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** %load through the magics framework, as a cell runs it. */
class LoadMagicTest {

    private static final TestSession session = new TestSession();

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void loadsAFileAndReturnsItsFirstRows() throws Exception {
        Path file = Files.writeString(dir.resolve("pets.csv"), "name;legs\ncat;4\nbird;2\nfish;0\n");

        Object preview = run("'" + file + "' --as animals --delimiter ';' --preview 2");

        assertThat(preview).isEqualTo(List.of(Row.of("cat", 4L), Row.of("bird", 2L)));
        assertThat(session.engine().tableEnvironment().listTables()).contains("animals");
    }

    @Test
    void userErrorsAreMagicErrorsWithTheirReason() throws Exception {
        Path missing = dir.resolve("missing.csv");
        assertThatThrownBy(() -> run(missing.toString()))
                .isInstanceOf(MagicException.class)
                .hasMessage("No such file: " + missing);
        Files.writeString(dir.resolve("x.csv"), "1\n");
        assertThatThrownBy(() -> run(dir.resolve("x.csv") + " --on-error ignore"))
                .isInstanceOf(MagicException.class)
                .hasMessageContaining("on-error must be fail or skip, was 'ignore'");
        assertThatThrownBy(() -> run(dir.resolve("x.csv") + " --delimiter ab"))
                .isInstanceOf(MagicException.class)
                .hasMessageContaining("--delimiter must be one character");
        assertThatThrownBy(() -> run(dir.resolve("x.csv") + " --sheet 2"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Unknown options: '--sheet'");
    }

    private static Object run(String arguments) throws Exception {
        return Magics.load().run(session, new MagicCall("load", false, arguments, "", 1));
    }
}
