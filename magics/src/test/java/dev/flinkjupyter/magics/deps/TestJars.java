package dev.flinkjupyter.magics.deps;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/** Jars written by the tests, carrying the {@code pom.properties} Maven puts into a built jar. */
final class TestJars {
    private TestJars() {
    }

    /** A jar that is {@code groupId:artifactId:version}, bundling the others' pom.properties too. */
    static Path jar(Path file, String identity, String... bundled) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            writePom(jar, identity);
            for (String other : bundled) {
                writePom(jar, other);
            }
        }
        return file;
    }

    private static void writePom(JarOutputStream jar, String coordinates) throws IOException {
        String[] gav = coordinates.split(":");
        jar.putNextEntry(new ZipEntry("META-INF/maven/" + gav[0] + "/" + gav[1] + "/pom.properties"));
        jar.write(("groupId=" + gav[0] + "\nartifactId=" + gav[1] + "\nversion=" + gav[2] + "\n")
                .getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }
}
