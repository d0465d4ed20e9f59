package dev.flinkjupyter.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * A kernel's own temp directory, {@code <system tmp>/flink-jupyter-kernel-<pid>-<random>}.
 *
 * <p>Flink leaves a 22 MB {@code flink-rpc-akka*.jar}, {@code minicluster_*} and web UI files in the
 * temp directory of every JVM it runs in. {@link #createAndInstall()} points {@code java.io.tmpdir} at
 * this directory so they land here, and {@link #close()} deletes it with everything inside.
 * {@code File.createTempFile} reads {@code java.io.tmpdir} the first time it is used, so the
 * directory is made without it and a cell's {@code File.createTempFile} lands here too. The NIO
 * {@code Files.createTempFile}/{@code createTempDirectory} use the value the JVM started with (the
 * JDK caches it at startup): their files go to the temp base, as in any Java program.
 */
public final class TempDirectory implements AutoCloseable {

    static final String PREFIX = "flink-jupyter-kernel-";

    private final Path path;
    private final String previousTmpdir;
    private boolean closed;

    private TempDirectory(Path path, String previousTmpdir) {
        this.path = path;
        this.previousTmpdir = previousTmpdir;
    }

    /** Creates the directory under the current {@code java.io.tmpdir} and installs it as {@code java.io.tmpdir}. */
    public static synchronized TempDirectory createAndInstall() {
        String previous = System.getProperty("java.io.tmpdir");
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; ; attempt++) {
            Path path = Path.of(previous, PREFIX + ProcessHandle.current().pid() + "-"
                    + Long.toUnsignedString(random.nextLong()));
            try {
                // Not Files.createTempDirectory: its first use would fix the JVM's temp dir to the system's.
                if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createDirectory(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectory(path);
                }
                System.setProperty("java.io.tmpdir", path.toString());
                return new TempDirectory(path, previous);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw new UncheckedIOException("cannot find a free name for a temp directory under " + previous, e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temp directory under " + previous, e);
            }
        }
    }

    public Path path() {
        return path;
    }

    /** Deletes the directory recursively and gives {@code java.io.tmpdir} back, if it is still ours. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (path.toString().equals(System.getProperty("java.io.tmpdir"))) {
            System.setProperty("java.io.tmpdir", previousTmpdir);
        }
        deleteRecursively(path);
    }

    /** Deletes a file tree, tolerating files that vanish meanwhile (Flink deletes its own on shutdown too). */
    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException ignored) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
