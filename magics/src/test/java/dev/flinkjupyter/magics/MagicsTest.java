package dev.flinkjupyter.magics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MagicsTest {
    private final TestSession session = new TestSession();

    @Command(name = "greet", description = "Greets someone.")
    public static final class Greet implements LineMagic, CellMagic {
        @Parameters(index = "0", paramLabel = "WHO")
        String who;
        @Option(names = "--times", defaultValue = "1")
        int times;

        @Override
        public Object run(Session session) {
            return ("hello " + who + " ").repeat(times).strip();
        }

        @Override
        public Object run(Session session, String body) {
            return who + ":" + body;
        }
    }

    private Magics magics() {
        Magics magics = Magics.load();
        magics.add(Greet.class);
        return magics;
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void parsesOptionsAndSubstitutesVariables() throws Exception {
        session.with("name", "Ada");
        assertThat(magics().run(session, new MagicCall("greet", false, "${name} --times 2", "", 1)))
                .isEqualTo("hello Ada hello Ada");
        assertThat(magics().run(session, new MagicCall("greet", true, "\"Ada L\"", "body", 1)))
                .isEqualTo("Ada L:body");
    }

    @Test
    void aWrongOptionIsAUsageErrorWithTheUsage() {
        assertThatThrownBy(() -> magics().run(session, new MagicCall("greet", false, "Ada --tims 2", "", 1)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("%greet: Unknown option").hasMessageContaining("'--tims'")
                .satisfies(e -> assertThat(((UsageException) e).usage()).contains("Usage: %greet", "--times"));
        assertThatThrownBy(() -> magics().run(session, new MagicCall("greet", false, "--times x Ada", "", 1)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'x' is not an int");
        assertThatThrownBy(() -> magics().run(session, new MagicCall("greet", false, "", "", 1)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Missing required parameter: 'WHO'");
    }

    @Test
    void helpPrintsTheUsage() throws Exception {
        String out = stdout(() -> magics().run(session, new MagicCall("greet", false, "--help", "", 1)));
        assertThat(out).contains("Usage: %greet [-h] [--times=<times>] WHO", "Greets someone.", "Shows this help.");
    }

    @Test
    void anUnknownMagicListsTheKnownOnes() {
        assertThatThrownBy(() -> magics().run(session, new MagicCall("lod", false, "x", "", 1)))
                .isInstanceOf(MagicException.class)
                .hasMessageContaining("unknown magic %lod; line magics: ")
                .hasMessageContaining("%greet")
                .hasMessageContaining("%lsmagic");
    }

    @Test
    void completesNamesAndOptions() {
        Magics magics = magics();
        assertThat(magics.complete("  %gr")).isEqualTo(new MagicCompletions(java.util.List.of("%greet"), 2));
        assertThat(magics.complete("%%gr").matches()).containsExactly("%%greet");
        assertThat(magics.complete("%greet Ada --ti")).isEqualTo(new MagicCompletions(java.util.List.of("--times"), 11));
        assertThat(magics.complete("int x = 1").matches()).isEmpty();
    }

    @Test
    void lsmagicAndHelpKnowTheBuiltins() throws Exception {
        Object listed = magics().run(session, new MagicCall("lsmagic", false, "", "", 1));
        assertThat(listed.toString()).contains("%lsmagic", "%help", "%time", "%%time");
        String help = stdout(() -> magics().run(session, new MagicCall("help", false, "%%time", "", 1)));
        assertThat(help).contains("Usage: %%time", "Times a line (%time CODE) or a cell (%%time)");
        assertThatThrownBy(() -> magics().run(session, new MagicCall("help", false, "nope", "", 1)))
                .hasMessageContaining("%help: there is no magic nope");
    }

    @Test
    void timePrintsWallAndCpuTimeAndReturnsTheValue() throws Exception {
        Object[] value = new Object[1];
        String out = stdout(() -> value[0] = magics().run(session, new MagicCall("time", false, "%help time", "", 1)));
        assertThat(value[0]).isNull();
        assertThat(out).startsWith("Usage: %time");
        assertThat(out).matches("(?s).*Wall time: [0-9.]+ m?s, CPU time: [0-9.]+ m?s \\(kernel.*\\n");
    }

    @Test
    void everyBuiltinMagicsUsageFormatsCleanly() throws Exception {
        Magics magics = Magics.load();
        PrintStream old = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            for (String name : magics.lineNames()) {
                assertThat(magics.usage(name, false)).startsWith("Usage: %" + name);
            }
            for (String name : magics.cellNames()) {
                assertThat(magics.usage(name, true)).startsWith("Usage: %%" + name);
            }
            magics.summaries();
        } finally {
            System.setErr(old);
        }
        // picocli formats descriptions: a lone % in one warns and prints the text raw.
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    private interface Action {
        Object run() throws Exception;
    }

    private static String stdout(Action action) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
