package dev.flinkjupyter.kernel.protocol;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTest {
    private final MessageSigner signer = new MessageSigner("hmac-sha256", "secret");

    @Test
    void aSignedMessageSurvivesTheWire() {
        JsonObject content = new JsonObject();
        content.addProperty("code", "1 + 1");
        Message sent = Message.orphan("execute_request", "session-1", content);

        Message received = Message.decode(sent.encode(signer, null), signer);

        assertThat(received.type()).isEqualTo("execute_request");
        assertThat(received.content().get("code").getAsString()).isEqualTo("1 + 1");
        assertThat(received.header().get("version").getAsString()).isEqualTo("5.3");
    }

    @Test
    void aMessageSignedWithAnotherKeyIsRefused() {
        Message forged = Message.orphan("execute_request", "s", new JsonObject());
        List<byte[]> frames = forged.encode(new MessageSigner("hmac-sha256", "wrong"), null);

        assertThatThrownBy(() -> Message.decode(frames, signer)).isInstanceOf(SecurityException.class);
    }

    @Test
    void aTamperedContentIsRefused() {
        List<byte[]> frames = new ArrayList<>(Message.orphan("execute_request", "s", new JsonObject()).encode(signer, null));
        frames.set(frames.size() - 1, "{\"code\":\"System.exit(0);\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Message.decode(frames, signer)).isInstanceOf(SecurityException.class);
    }

    @Test
    void anEmptyKeyTurnsSigningOff() {
        MessageSigner off = new MessageSigner("hmac-sha256", "");
        List<byte[]> frames = Message.orphan("kernel_info_request", "s", new JsonObject()).encode(off, null);

        assertThat(new String(frames.get(1), StandardCharsets.US_ASCII)).isEmpty();
        assertThat(Message.decode(frames, off).type()).isEqualTo("kernel_info_request");
    }

    @Test
    void aReplyKeepsTheRoutingAndPointsAtItsRequest() {
        Message request = Message.decode(
                prefixed("client-id".getBytes(StandardCharsets.US_ASCII),
                        Message.orphan("kernel_info_request", "s", new JsonObject()).encode(signer, null)), signer);

        List<byte[]> reply = request.child("kernel_info_reply", new JsonObject()).encode(signer, null);

        assertThat(new String(reply.get(0), StandardCharsets.US_ASCII)).isEqualTo("client-id");
        Message decoded = Message.decode(reply, signer);
        assertThat(decoded.header().get("session").getAsString()).isEqualTo("s");
    }

    @Test
    void framesWithoutADelimiterAreMalformed() {
        assertThatThrownBy(() -> Message.decode(List.of(new byte[]{1}, new byte[]{2}), signer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed");
    }

    private static List<byte[]> prefixed(byte[] identity, List<byte[]> frames) {
        List<byte[]> all = new ArrayList<>();
        all.add(identity);
        all.addAll(frames);
        return all;
    }
}
