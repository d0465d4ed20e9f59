package dev.flinkjupyter.magics.deps;

import dev.flinkjupyter.display.HtmlTable;
import dev.flinkjupyter.magics.MagicCall;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Magics;
import dev.flinkjupyter.magics.TestSession;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Resolves real artifacts: from ~/.m2 when they are there, else from Maven Central. */
class MavenMagicTest {
    private static final String CSV = "org.apache.commons:commons-csv:1.14.1";
    private final Magics magics = Magics.load();

    @Test
    void resolvesTransitivelyAndAddsOnlyWhatTheKernelLacks() {
        List<MavenResolver.Resolved> resolved = resolve(List.of(CSV), List.of());
        KernelArtifacts kernel = KernelArtifacts.current();

        assertThat(resolved).first().satisfies(csv -> {
            assertThat(csv.artifact()).isEqualTo("org.apache.commons:commons-csv");
            assertThat(csv.version()).isEqualTo("1.14.1");
            assertThat(csv.status()).isEqualTo("added");
            assertThat(csv.jar()).exists().hasFileName("commons-csv-1.14.1.jar");
        });
        // commons-csv needs commons-io and commons-codec: each is either added or the kernel's.
        assertThat(resolved).extracting(MavenResolver.Resolved::artifact)
                .contains("commons-io:commons-io", "commons-codec:commons-codec");
        for (MavenResolver.Resolved r : resolved) {
            String[] ga = r.artifact().split(":");
            boolean kernelHasIt = kernel.find(ga[0], ga[1]).isPresent();
            assertThat(r.toAdd()).as(r.toString()).isEqualTo(!kernelHasIt);
        }
    }

    @Test
    void aLibraryTheKernelHasKeepsTheKernelsVersionAndIsNotAdded() throws Exception {
        TestSession session = new TestSession();

        HtmlTable table = (HtmlTable) maven(session, "org.slf4j:slf4j-api:2.0.17");

        assertThat(table.text()).contains("org.slf4j:slf4j-api", "1.7.36", "in the kernel", "0 jars added");
        assertThat(session.classPath()).isEmpty();
    }

    @Test
    void anExcludedDependencyIsLeftOut() {
        List<MavenResolver.Resolved> resolved = resolve(List.of(CSV), List.of("commons-codec:commons-codec"));

        assertThat(resolved).extracting(MavenResolver.Resolved::artifact)
                .contains("org.apache.commons:commons-csv")
                .doesNotContain("commons-codec:commons-codec");
    }

    @Test
    void theMagicAddsTheJarsToTheSession() throws Exception {
        TestSession session = new TestSession();

        HtmlTable table = (HtmlTable) maven(session, CSV);

        assertThat(session.classPath()).anySatisfy(jar -> assertThat(jar).hasFileName("commons-csv-1.14.1.jar"));
        assertThat(table.text()).contains("org.apache.commons:commons-csv", "added");
    }

    @Test
    void anUnknownArtifactSaysWhereItWasLookedFor() {
        assertThatThrownBy(() -> maven(new TestSession(), "org.apache.commons:commons-csv-no-such-thing:1.0"))
                .isInstanceOf(MagicException.class)
                .hasMessageContaining("org.apache.commons:commons-csv-no-such-thing")
                .hasMessageContaining("central (" + MavenResolver.CENTRAL + ")")
                .hasMessageContaining("(local)");
    }

    @Test
    void offlineLooksInTheLocalRepositoryOnly() {
        assertThatThrownBy(() -> maven(new TestSession(), "--offline org.example.none:none:9.9"))
                .isInstanceOf(MagicException.class)
                .hasMessageContaining("org.example.none:none")
                .hasMessageContaining("only (--offline)");
    }

    @Test
    void badCoordinatesAndExclusionsSayTheFormsThatWork() {
        assertThatThrownBy(() -> maven(new TestSession(), "commons-csv"))
                .isInstanceOf(MagicException.class)
                .hasMessageStartingWith("bad coordinates 'commons-csv': write groupId:artifactId:version");
        assertThatThrownBy(() -> maven(new TestSession(), CSV + " --exclude commons-codec"))
                .isInstanceOf(MagicException.class)
                .hasMessageStartingWith("--exclude commons-codec: write groupId:artifactId");
    }

    @Test
    void versionsCompareTheWayMavenComparesThem() {
        assertThat(MavenResolver.isOlder("2.9", "2.15.1")).isTrue();
        assertThat(MavenResolver.isOlder("1.0-SNAPSHOT", "1.0")).isTrue();
        assertThat(MavenResolver.isOlder("2.15.1", "2.15.1")).isFalse();
        assertThat(MavenResolver.isOlder("1.7.36", "1.7.9")).isFalse();
    }

    @Test
    void anOlderVersionInTheKernelIsSaid() throws Exception {
        // the test class path has slf4j-api 1.7.36
        HtmlTable table = (HtmlTable) maven(new TestSession(), "org.slf4j:slf4j-api:2.0.17");

        assertThat(table.text()).contains("1.7.36", "in the kernel, older than the 2.0.17 asked for");
    }

    private Object maven(TestSession session, String arguments) throws Exception {
        return magics.run(session, new MagicCall("maven", false, arguments, "", 1));
    }

    private static List<MavenResolver.Resolved> resolve(List<String> coordinates, List<String> excludes) {
        MavenResolver.Request request = new MavenResolver.Request(coordinates, List.of(), excludes, false,
                MavenResolver.defaultLocalRepository());
        return new MavenResolver(request, KernelArtifacts.current()).resolve(new DownloadProgress());
    }
}
