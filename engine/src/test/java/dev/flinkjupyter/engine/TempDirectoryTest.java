package dev.flinkjupyter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TempDirectoryTest {

    @Test
    void installsItselfAsTmpdirAndDeletesEverythingOnClose() throws Exception {
        String before = System.getProperty("java.io.tmpdir");
        TempDirectory dir = TempDirectory.createAndInstall();
        try {
            Path path = dir.path();
            assertThat(path).isDirectory();
            assertThat(path.getParent()).isEqualTo(Path.of(before));
            assertThat(path.getFileName().toString()).startsWith("flink-jupyter-kernel-" + ProcessHandle.current().pid() + "-");
            assertThat(System.getProperty("java.io.tmpdir")).isEqualTo(path.toString());
            Files.createDirectories(path.resolve("a/b"));
            Files.writeString(path.resolve("a/b/c.txt"), "x");
        } finally {
            dir.close();
        }

        assertThat(dir.path()).doesNotExist();
        assertThat(System.getProperty("java.io.tmpdir")).isEqualTo(before);
        dir.close(); // idempotent
    }
}
