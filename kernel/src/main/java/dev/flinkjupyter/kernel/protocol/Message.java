package dev.flinkjupyter.kernel.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One Jupyter message: routing identities, header, parent header, metadata, content, buffers. */
public final class Message {
    public static final String PROTOCOL_VERSION = "5.3";
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private final List<byte[]> identities;
    private final JsonObject header;
    private final JsonObject parentHeader;
    private final JsonObject metadata;
    private final JsonObject content;

    private Message(List<byte[]> identities, JsonObject header, JsonObject parentHeader, JsonObject metadata,
                    JsonObject content) {
        this.identities = identities;
        this.header = header;
        this.parentHeader = parentHeader;
        this.metadata = metadata;
        this.content = content;
    }

    public String type() {
        return header.get("msg_type").getAsString();
    }

    public JsonObject header() {
        return header;
    }

    public JsonObject content() {
        return content;
    }

    public JsonObject metadata() {
        return metadata;
    }

    /** A new message in answer to, or caused by, this one: same session and routing identities. */
    public Message child(String type, Object content) {
        return new Message(identities, newHeader(type, header.get("session").getAsString()), header,
                new JsonObject(), toJson(content));
    }

    /** A message not caused by any request, such as the starting status. */
    public static Message orphan(String type, String session, Object content) {
        return new Message(List.of(), newHeader(type, session), new JsonObject(), new JsonObject(), toJson(content));
    }

    /** The same message with other metadata (execute replies carry some). */
    public Message withMetadata(JsonObject newMetadata) {
        return new Message(identities, header, parentHeader, newMetadata, content);
    }

    /** The wire frames of this message for an IOPub topic or a router's identities. */
    List<byte[]> encode(MessageSigner signer, byte[] topic) {
        List<byte[]> signed = List.of(bytes(header), bytes(parentHeader), bytes(metadata), bytes(content));
        List<byte[]> frames = new ArrayList<>();
        if (topic != null) {
            frames.add(topic);
        } else {
            frames.addAll(identities);
        }
        frames.add(DELIMITER);
        frames.add(signer.sign(signed).getBytes(StandardCharsets.US_ASCII));
        frames.addAll(signed);
        return frames;
    }

    /**
     * Reads a message off its frames; throws {@link SecurityException} when the signature does not
     * match, so that a forged message is never handled.
     */
    static Message decode(List<byte[]> frames, MessageSigner signer) {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.size() < delimiter + 6) {
            throw new IllegalArgumentException("malformed message: " + frames.size() + " frames, no delimiter");
        }
        String signature = new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII);
        List<byte[]> signed = frames.subList(delimiter + 2, delimiter + 6);
        if (!signer.verify(signature, signed)) {
            throw new SecurityException("invalid message signature");
        }
        return new Message(List.copyOf(frames.subList(0, delimiter)), object(signed.get(0)), object(signed.get(1)),
                object(signed.get(2)), object(signed.get(3)));
    }

    static JsonObject toJson(Object content) {
        if (content instanceof JsonObject json) {
            return json;
        }
        return GSON.toJsonTree(content).getAsJsonObject();
    }

    private static JsonObject newHeader(String type, String session) {
        JsonObject h = new JsonObject();
        h.addProperty("msg_id", UUID.randomUUID().toString());
        h.addProperty("session", session);
        h.addProperty("username", "kernel");
        h.addProperty("date", DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        h.addProperty("msg_type", type);
        h.addProperty("version", PROTOCOL_VERSION);
        return h;
    }

    private static JsonObject object(byte[] frame) {
        JsonElement e = JsonParser.parseString(new String(frame, StandardCharsets.UTF_8));
        return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    private static byte[] bytes(JsonObject json) {
        return GSON.toJson(json).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return type() + " " + header.get("msg_id").getAsString();
    }
}
