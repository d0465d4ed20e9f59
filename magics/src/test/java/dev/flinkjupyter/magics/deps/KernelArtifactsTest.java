package dev.flinkjupyter.magics.deps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class KernelArtifactsTest {

    @Test
    void aShadedJarIsTheLibraryItsFileIsNamedAfter(@TempDir Path dir) throws Exception {
        Path jar = TestJars.jar(dir.resolve("flink-shaded-guava-33.5.0-jre-21.0.jar"),
                "com.google.guava:guava:33.5.0-jre", "org.apache.flink:flink-shaded-guava:33.5.0-jre-21.0");

        assertThat(KernelArtifacts.identify(jar)).get()
                .extracting(KernelArtifacts.Artifact::key).isEqualTo("org.apache.flink:flink-shaded-guava");
    }

    @Test
    void aJarWithoutItsOwnPomPropertiesIsNoLibrary(@TempDir Path dir) throws Exception {
        Path jar = TestJars.jar(dir.resolve("bundle.jar"), "com.google.guava:guava:33.5.0-jre");

        assertThat(KernelArtifacts.identify(jar)).isEmpty();
    }

    @Test
    void theClassPathsLibrariesAreFoundWithTheirVersions() {
        KernelArtifacts kernel = KernelArtifacts.current();

        assertThat(kernel.find("org.slf4j", "slf4j-api")).get()
                .extracting(KernelArtifacts.Artifact::version).isEqualTo("1.7.36");
        assertThat(kernel.find("info.picocli", "picocli")).get()
                .extracting(KernelArtifacts.Artifact::version).isEqualTo(CommandLine.VERSION);
        assertThat(kernel.find("org.example", "nothing")).isEmpty();
    }
}
