package dev.flinkjupyter.magics.deps;

import dev.flinkjupyter.magics.MagicException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * A file pattern such as {@code lib/*.jar}, {@code /opt/x/**}{@code /*.jar} or {@code my.jar}: relative
 * to a directory or absolute, with the glob syntax of {@link java.nio.file.FileSystem#getPathMatcher}.
 * Only the part after the last plain directory is searched, so {@code lib/*.jar} reads one folder.
 */
record JarGlob(String pattern) {

    /** The regular files the pattern matches, sorted by path. */
    List<Path> match(Path directory) {
        Path whole = directory.resolve(pattern).normalize();
        Path base = whole.getRoot() == null ? Path.of("") : whole.getRoot();
        int first = 0;
        // The longest leading run of names without glob characters is where the walk starts.
        while (first < whole.getNameCount() - 1 && !isGlob(whole.getName(first).toString())) {
            base = base.resolve(whole.getName(first).toString());
            first++;
        }
        if (!isGlob(whole.toString())) {
            return Files.isRegularFile(whole) ? List.of(whole) : List.of();
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        String rest = whole.subpath(first, whole.getNameCount()).toString();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : whole.getNameCount() - first;
        Path start = base;
        try (Stream<Path> files = Files.walk(start, depth)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(start.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + start + ": " + e.getMessage(), e);
        }
    }

    /** Like {@link #match} but an empty match is an error naming the pattern and the directory. */
    List<Path> matchSome(Path directory) {
        List<Path> matched = match(directory);
        if (matched.isEmpty()) {
            throw new MagicException("no file matches '" + pattern + "'"
                    + (Path.of(pattern).isAbsolute() ? "" : " in " + directory.toAbsolutePath().normalize()));
        }
        return matched;
    }

    private static boolean isGlob(String text) {
        return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }
}
