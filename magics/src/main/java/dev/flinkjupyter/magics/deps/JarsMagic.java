package dev.flinkjupyter.magics.deps;

import dev.flinkjupyter.display.HtmlTable;
import dev.flinkjupyter.magics.LineMagic;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipFile;

/**
 * {@code %jars GLOB [GLOB ...]}: adds local jars to the cells and to the Flink jobs they run. A
 * relative pattern is read from the notebook's working directory. A jar of a library the kernel
 * already has is left out, like {@code %maven} does, so that no class is there twice.
 */
@Command(name = "jars",
        description = "Adds local jars, by path or glob: %%jars lib/*.jar",
        footer = {"", "A relative pattern starts at the notebook's working directory; ** crosses folders."})
public final class JarsMagic implements LineMagic {

    @Parameters(arity = "1..*", paramLabel = "GLOB", description = "Jar files or patterns, e.g. lib/*.jar.")
    List<String> patterns = new ArrayList<>();

    @Override
    public Object run(Session session) {
        Path directory = Path.of("").toAbsolutePath();
        Set<Path> matched = new LinkedHashSet<>();
        for (String pattern : patterns) {
            matched.addAll(new JarGlob(pattern).matchSome(directory));
        }
        KernelArtifacts kernel = KernelArtifacts.current();
        HtmlTable table = HtmlTable.withColumns(HtmlTable.Column.of("jar", ""), HtmlTable.Column.of("artifact", ""),
                HtmlTable.Column.numeric("size", ""), HtmlTable.Column.of("status", ""));
        List<Path> toAdd = new ArrayList<>();
        for (Path jar : matched) {
            requireJar(jar);
            Optional<KernelArtifacts.Artifact> identity = KernelArtifacts.identify(jar);
            String artifact = identity.map(a -> a.key() + ":" + a.version()).orElse("");
            Optional<KernelArtifacts.Artifact> present = identity.flatMap(a -> kernel.find(a.groupId(), a.artifactId()));
            String status;
            if (kernel.contains(jar)) {
                status = "added before";
            } else if (present.isPresent()) {
                status = "skipped: the kernel has " + present.get().key() + ":" + present.get().version();
            } else {
                status = "added";
                toAdd.add(jar);
            }
            table.addRow(jar.toString(), artifact, DownloadProgress.size(size(jar)), status);
        }
        ClassPathAddition.add(session, toAdd);
        return table.note(toAdd.size() + (toAdd.size() == 1 ? " jar" : " jars") + " added of " + matched.size() + " matched");
    }

    private static void requireJar(Path file) {
        try (ZipFile ignored = new ZipFile(file.toFile())) {
            // opens: it is a jar (a zip)
        } catch (IOException e) {
            throw new MagicException(file + " is not a jar: " + e.getMessage());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
