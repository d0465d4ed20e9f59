package dev.flinkjupyter.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.flinkjupyter.display.DisplayOutput;
import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.kernel.protocol.KernelConnection;
import dev.flinkjupyter.kernel.protocol.Message;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Everything a cell shows besides its result: standard output and error (as {@code stream}
 * messages, flushed at least every 50 ms so long cells show progress) and displayed values (as
 * {@code display_data} and {@code update_display_data}), all tied to the request that runs.
 */
final class NotebookOutput implements DisplayOutput, AutoCloseable {
    private static final Gson GSON = new Gson();

    private final KernelConnection connection;
    private final StreamBuffer out = new StreamBuffer("stdout");
    private final StreamBuffer err = new StreamBuffer("stderr");
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "output-flusher");
        t.setDaemon(true);
        return t;
    });
    private volatile Message parent;

    NotebookOutput(KernelConnection connection) {
        this.connection = connection;
        flusher.scheduleWithFixedDelay(this::flush, 50, 50, TimeUnit.MILLISECONDS);
    }

    PrintStream stdout() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    PrintStream stderr() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    /** Output from now on belongs to {@code request}. */
    void beginRequest(Message request) {
        flush();
        parent = request;
    }

    /** Sends whatever is buffered. */
    void flush() {
        out.flush();
        err.flush();
    }

    /** Publishes a message caused by the current request. */
    void publish(String type, Object content) {
        publishTo(parent, type, content);
    }

    private void publishTo(Message request, String type, Object content) {
        if (request != null) {
            connection.publish(request.child(type, content));
        }
    }

    @Override
    public void show(MimeBundle bundle, String displayId) {
        flush();
        publish("display_data", content(bundle, displayId));
    }

    @Override
    public void update(MimeBundle bundle, String displayId) {
        flush();
        publish("update_display_data", content(bundle, displayId));
    }

    @Override
    public void clear(boolean wait) {
        flush();
        publish("clear_output", clearContent(wait));
    }

    /** Outputs that go to the request that runs now, as its children, also after it ended. */
    @Override
    public DisplayOutput pinned() {
        Message request = parent;
        return new DisplayOutput() {
            @Override
            public void show(MimeBundle bundle, String displayId) {
                flush();
                publishTo(request, "display_data", content(bundle, displayId));
            }

            @Override
            public void update(MimeBundle bundle, String displayId) {
                flush();
                publishTo(request, "update_display_data", content(bundle, displayId));
            }

            @Override
            public void clear(boolean wait) {
                flush();
                publishTo(request, "clear_output", clearContent(wait));
            }
        };
    }

    private static JsonObject clearContent(boolean wait) {
        JsonObject content = new JsonObject();
        content.addProperty("wait", wait);
        return content;
    }

    static JsonObject data(MimeBundle bundle) {
        return GSON.toJsonTree(bundle.data()).getAsJsonObject();
    }

    static JsonObject metadata(MimeBundle bundle) {
        return GSON.toJsonTree(bundle.metadata()).getAsJsonObject();
    }

    private static JsonObject content(MimeBundle bundle, String displayId) {
        JsonObject content = new JsonObject();
        content.add("data", data(bundle));
        content.add("metadata", metadata(bundle));
        JsonObject transientPart = new JsonObject();
        transientPart.addProperty("display_id", displayId);
        content.add("transient", transientPart);
        return content;
    }

    @Override
    public void close() {
        flush();
        flusher.shutdownNow();
    }

    /** Collects bytes written to a stream and publishes them as text. */
    private final class StreamBuffer extends OutputStream {
        private final String name;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        StreamBuffer(String name) {
            this.name = name;
        }

        @Override
        public synchronized void write(int b) {
            buffer.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
        }

        @Override
        public void flush() {
            String text;
            synchronized (this) {
                if (buffer.size() == 0) {
                    return;
                }
                text = buffer.toString(StandardCharsets.UTF_8);
                buffer.reset();
            }
            JsonObject content = new JsonObject();
            content.addProperty("name", name);
            content.addProperty("text", text);
            publish("stream", content);
        }
    }
}
