package dev.flinkjupyter.magics.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files that {@code %load PATH} reads: one file, every file under a folder, or the files a
 * glob matches ({@code data/*.csv}, {@code logs/**}{@code /part-*}), as Flink's filesystem
 * connector will see them.
 *
 * @param root the connector's {@code path}: the file, the folder, or the folder a glob starts in
 * @param regex the connector's {@code source.path.regex-pattern} for a glob (absolute paths)
 * @param files the files found now, sorted; never empty
 * @param pattern what the user wrote, made absolute
 */
public record FileSet(Path root, Optional<String> regex, List<Path> files, String pattern) {

    /**
     * Resolves {@code path} against {@code workingDirectory}.
     *
     * @throws IllegalArgumentException naming the absolute path tried, when nothing is there
     */
    public static FileSet resolve(String path, Path workingDirectory) {
        Path expanded = path.startsWith("~/") ? Path.of(System.getProperty("user.home"), path.substring(2)) : Path.of(path);
        Path absolute = workingDirectory.resolve(expanded).toAbsolutePath().normalize();
        String text = absolute.toString();
        if (isGlob(text)) {
            Path root = globRoot(absolute);
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + text);
            List<Path> files = Files.isDirectory(root) ? list(root, matcher) : List.of();
            if (files.isEmpty()) {
                throw new IllegalArgumentException("No file matches " + text);
            }
            return new FileSet(root, Optional.of(globToRegex(text)), files, text);
        }
        if (Files.isDirectory(absolute)) {
            List<Path> files = list(absolute, p -> true);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("No file in the folder " + text);
            }
            return new FileSet(absolute, Optional.empty(), files, text);
        }
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalArgumentException("No such file: " + text);
        }
        return new FileSet(absolute, Optional.empty(), List.of(absolute), text);
    }

    /** The first file, which the schema is inferred from. */
    public Path first() {
        return files.get(0);
    }

    private static boolean isGlob(String path) {
        return path.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    }

    /** The deepest folder above the first glob character. */
    private static Path globRoot(Path glob) {
        Path root = glob.getRoot();
        for (Path part : glob) {
            if (isGlob(part.toString())) {
                break;
            }
            root = root.resolve(part);
        }
        return root;
    }

    /** Regular files below {@code root}, skipping hidden ones, as Flink's file enumerator does. */
    private static List<Path> list(Path root, PathMatcher matcher) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(root.relativize(p)))
                    .filter(matcher::matches)
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A Java regular expression matching the same absolute paths as the glob: {@code **} crosses
     * folders, {@code *} and {@code ?} do not, {@code [..]} and {@code {a,b}} as in a shell.
     */
    static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        boolean inBraces = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            String special = null;
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                special = ".*";
                i++;
            } else if (c == '*') {
                special = "[^/]*";
            } else if (c == '?') {
                special = "[^/]";
            } else if (c == '[') {
                int end = glob.indexOf(']', i + 1);
                if (end > i) {
                    String set = glob.substring(i + 1, end).replace("\\", "\\\\");
                    special = "[" + (set.startsWith("!") ? "^" + set.substring(1) : set) + "]";
                    i = end;
                }
            } else if (c == '{') {
                inBraces = true;
                special = "(?:";
            } else if (c == '}' && inBraces) {
                inBraces = false;
                special = ")";
            } else if (c == ',' && inBraces) {
                special = "|";
            }
            if (special == null) {
                literal.append(c);
            } else {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(special);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex.toString();
    }
}
