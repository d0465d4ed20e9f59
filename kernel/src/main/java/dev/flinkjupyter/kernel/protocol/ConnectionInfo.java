package dev.flinkjupyter.kernel.protocol;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The connection file Jupyter writes for a kernel: where to bind and how to sign. */
public record ConnectionInfo(String transport, String ip, int shellPort, int controlPort, int stdinPort,
                             int hbPort, int iopubPort, String signatureScheme, String key) {

    public static ConnectionInfo read(Path file) throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        return new ConnectionInfo(
                string(json, "transport", "tcp"),
                string(json, "ip", "127.0.0.1"),
                json.get("shell_port").getAsInt(),
                json.get("control_port").getAsInt(),
                json.get("stdin_port").getAsInt(),
                json.get("hb_port").getAsInt(),
                json.get("iopub_port").getAsInt(),
                string(json, "signature_scheme", "hmac-sha256"),
                string(json, "key", ""));
    }

    /** The ZeroMQ endpoint of one port: only the connection file's address, never a wildcard. */
    public String endpoint(int port) {
        return "ipc".equals(transport) ? "ipc://" + ip + "-" + port : transport + "://" + ip + ":" + port;
    }

    private static String string(JsonObject json, String name, String fallback) {
        return json.has(name) && !json.get(name).isJsonNull() ? json.get(name).getAsString() : fallback;
    }
}
