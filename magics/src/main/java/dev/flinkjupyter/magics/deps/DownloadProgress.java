package dev.flinkjupyter.magics.deps;

import dev.flinkjupyter.display.Display;
import dev.flinkjupyter.display.DisplayHandle;
import dev.flinkjupyter.display.DisplayTarget;
import dev.flinkjupyter.display.Throttle;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.transfer.TransferResource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One line in the cell that follows the downloads of a resolution, updated in place a few times a
 * second: files and bytes so far, the file now coming. Nothing is shown when everything is in the
 * local repository already. The resolver calls it from its own threads.
 */
final class DownloadProgress extends AbstractTransferListener {
    private final DisplayTarget cell = Display.currentCell();
    private final Throttle throttle = new Throttle(Duration.ofMillis(250));
    private final Map<TransferResource, Long> running = new LinkedHashMap<>();
    private final long start = System.nanoTime();
    private DisplayHandle line;
    private int files;
    private long bytes;
    private String repository = "";

    @Override
    public synchronized void transferStarted(TransferEvent event) {
        running.put(event.getResource(), 0L);
        repository = event.getResource().getRepositoryId();
        show(false);
    }

    @Override
    public synchronized void transferProgressed(TransferEvent event) {
        running.put(event.getResource(), event.getTransferredBytes());
        show(false);
    }

    @Override
    public synchronized void transferSucceeded(TransferEvent event) {
        running.remove(event.getResource());
        files++;
        bytes += event.getTransferredBytes();
        show(false);
    }

    @Override
    public synchronized void transferFailed(TransferEvent event) {
        running.remove(event.getResource());
    }

    @Override
    public synchronized void transferCorrupted(TransferEvent event) {
        running.remove(event.getResource());
    }

    /** How many files came from a remote repository. */
    synchronized int files() {
        return files;
    }

    /** Draws the final line, if anything was downloaded. */
    synchronized void finish() {
        running.clear();
        if (files > 0) {
            show(true);
        }
    }

    private void show(boolean last) {
        if (!last && !throttle.tryAcquire()) {
            return;
        }
        String text = text(last);
        if (line == null) {
            line = cell.display(text);
        } else {
            line.update(text);
        }
    }

    private String text(boolean last) {
        StringBuilder text = new StringBuilder(last ? "Downloaded " : "Downloading: ");
        text.append(files).append(files == 1 ? " file, " : " files, ").append(size(bytes));
        if (last) {
            text.append(" from ").append(repository).append(String.format(Locale.ROOT, " in %.1f s",
                    (System.nanoTime() - start) / 1e9));
        }
        running.forEach((resource, done) -> {
            text.append("; ").append(resource.getResourceName().substring(resource.getResourceName().lastIndexOf('/') + 1))
                    .append(' ').append(size(done));
            if (resource.getContentLength() > 0) {
                text.append(" of ").append(size(resource.getContentLength()));
            }
        });
        return text.toString();
    }

    /** {@code 812 B}, {@code 24.1 KB}, {@code 3.2 MB}: sizes as a table of jars shows them. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
