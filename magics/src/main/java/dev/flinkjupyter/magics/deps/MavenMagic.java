package dev.flinkjupyter.magics.deps;

import dev.flinkjupyter.display.HtmlTable;
import dev.flinkjupyter.magics.LineMagic;
import dev.flinkjupyter.magics.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %maven G:A:V [G:A:V ...]}: resolves libraries and their dependencies from the local Maven
 * repository, then Maven Central (and {@code --repo}s), and adds the jars to the cells and to the
 * Flink jobs they run. Libraries the kernel already has are not added again: it keeps its own
 * version, so there is never a second Flink or slf4j.
 */
@Command(name = "maven",
        description = "Adds libraries from Maven repositories, with their dependencies: "
                + "%%maven org.apache.commons:commons-csv:1.14.1",
        footer = {"", "Coordinates: groupId:artifactId:version, groupId:artifactId:packaging:version or "
                + "groupId:artifactId:packaging:classifier:version.",
                "Looks in the local repository (maven.repo.local, else ~/.m2/repository) first, then in Maven Central.",
                "A library the kernel already has keeps the kernel's version."})
public final class MavenMagic implements LineMagic {

    @Parameters(arity = "1..*", paramLabel = "COORDINATES", description = "The libraries to add.")
    List<String> coordinates = new ArrayList<>();

    @Option(names = "--repo", paramLabel = "URL", description = "Another repository to look in (repeatable).")
    List<String> repositories = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "G:A",
            description = "A dependency to leave out, groupId:artifactId, * for any part (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--offline", description = "Use the local repository only.")
    boolean offline;

    @Override
    public Object run(Session session) {
        MavenResolver.Request request = new MavenResolver.Request(coordinates, repositories, excludes, offline,
                MavenResolver.defaultLocalRepository());
        DownloadProgress progress = new DownloadProgress();
        List<MavenResolver.Resolved> resolved;
        try {
            resolved = new MavenResolver(request, KernelArtifacts.current()).resolve(progress);
        } finally {
            progress.finish();
        }
        List<Path> jars = resolved.stream().filter(MavenResolver.Resolved::toAdd).map(MavenResolver.Resolved::jar).toList();
        ClassPathAddition.add(session, jars);
        for (MavenResolver.Resolved r : resolved) {
            if (r.wanted() != null) {
                System.err.println("Warning: the kernel keeps its " + r.artifact() + " " + r.version() + ", older than the "
                        + r.wanted() + " asked for: code that needs the newer one may fail with NoSuchMethodError.");
            }
        }
        return table(resolved);
    }

    static HtmlTable table(List<MavenResolver.Resolved> resolved) {
        HtmlTable table = HtmlTable.withColumns(HtmlTable.Column.of("artifact", ""), HtmlTable.Column.of("version", ""),
                HtmlTable.Column.numeric("size", ""), HtmlTable.Column.of("status", ""));
        long added = 0;
        long bytes = 0;
        for (MavenResolver.Resolved r : resolved) {
            table.addRow(r.artifact(), r.version(), DownloadProgress.size(r.bytes()), r.status());
            if (r.toAdd()) {
                added++;
                bytes += r.bytes();
            }
        }
        return table.note(added + (added == 1 ? " jar" : " jars") + " added ("
                + DownloadProgress.size(bytes) + "); " + (resolved.size() - added) + " already there");
    }
}
