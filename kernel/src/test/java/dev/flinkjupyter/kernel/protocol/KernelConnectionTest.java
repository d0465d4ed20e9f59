package dev.flinkjupyter.kernel.protocol;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sockets as a client sees them: signed requests are handled, forged ones never are. One
 * connection for the class, as a kernel has one for its life.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KernelConnectionTest {
    private ConnectionInfo info;
    private KernelConnection connection;
    private final BlockingQueue<Message> handled = new LinkedBlockingQueue<>();
    private final ZContext client = new ZContext();

    @BeforeAll
    void start() throws IOException {
        client.setLinger(0);
        info = new ConnectionInfo("tcp", "127.0.0.1", freePort(), freePort(), freePort(), freePort(), freePort(),
                "hmac-sha256", "the-key");
        connection = new KernelConnection(info);
        connection.on("execute_request", (request, channel) -> {
            handled.add(request);
            channel.send(request.child("execute_reply", new JsonObject()));
        });
        connection.start();
    }

    @AfterAll
    void stop() {
        connection.close();
        client.close();
    }

    @Test
    void aForgedRequestIsDroppedAndTheChannelKeepsServing() throws Exception {
        ZMQ.Socket shell = client.createSocket(SocketType.DEALER);
        shell.connect(info.endpoint(info.shellPort()));

        send(shell, Message.orphan("execute_request", "s", code("forged")), new MessageSigner("hmac-sha256", "not-the-key"));
        send(shell, Message.orphan("execute_request", "s", code("genuine")), new MessageSigner("hmac-sha256", "the-key"));

        Message first = handled.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.content().get("code").getAsString()).isEqualTo("genuine");
        assertThat(handled.poll(300, TimeUnit.MILLISECONDS)).isNull();
        shell.setReceiveTimeOut(5000);
        assertThat(shell.recv()).isNotNull();  // the reply to the genuine request came back
    }

    @Test
    void heartbeatsAreEchoed() {
        ZMQ.Socket hb = client.createSocket(SocketType.REQ);
        hb.setReceiveTimeOut(5000);
        hb.connect(info.endpoint(info.hbPort()));
        hb.send("ping");
        assertThat(hb.recvStr()).isEqualTo("ping");
    }

    private static JsonObject code(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        return content;
    }

    private static void send(ZMQ.Socket socket, Message message, MessageSigner signer) {
        List<byte[]> frames = message.encode(signer, null);
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
