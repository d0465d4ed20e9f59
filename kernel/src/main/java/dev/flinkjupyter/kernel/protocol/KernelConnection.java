package dev.flinkjupyter.kernel.protocol;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The kernel's five ZeroMQ sockets, bound to the connection file's address only. Shell and control
 * requests are read on a thread each (so an interrupt on control arrives while shell is busy),
 * checked against the key, and handed to the handler registered for their type. IOPub is shared
 * by every thread that publishes, so sending on it is serialized.
 */
public final class KernelConnection implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KernelConnection.class.getName());

    private final ConnectionInfo info;
    private final MessageSigner signer;
    private final ZContext context = new ZContext(1);
    private final Map<String, MessageHandler> handlers = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ZMQ.Socket iopub;
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket heartbeat;
    private volatile boolean open = true;

    public KernelConnection(ConnectionInfo info) {
        this.info = info;
        this.signer = new MessageSigner(info.signatureScheme(), info.key());
        this.iopub = bind(SocketType.PUB, info.iopubPort());
        this.shell = bind(SocketType.ROUTER, info.shellPort());
        this.control = bind(SocketType.ROUTER, info.controlPort());
        this.heartbeat = bind(SocketType.REP, info.hbPort());
        // Input requests are not supported yet; the socket is bound so clients can connect.
        bind(SocketType.ROUTER, info.stdinPort());
    }

    private ZMQ.Socket bind(SocketType type, int port) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setLinger(0);
        socket.bind(info.endpoint(port));
        return socket;
    }

    /** Registers the handler for one message type (on both shell and control). */
    public void on(String messageType, MessageHandler handler) {
        handlers.put(messageType, handler);
    }

    /** Starts reading; returns at once. */
    public void start() {
        threads.add(loop("jupyter-shell", shell));
        threads.add(loop("jupyter-control", control));
        Thread hb = new Thread(this::echoHeartbeats, "jupyter-heartbeat");
        hb.setDaemon(true);
        threads.add(hb);
        threads.forEach(Thread::start);
    }

    /** Publishes on IOPub with the message type as topic. */
    public void publish(Message message) {
        send(iopub, message.encode(signer, ("kernel." + message.type()).getBytes(StandardCharsets.UTF_8)));
    }

    /** Blocks until {@link #close()}. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        closed.countDown();
        // Closing the context ends the blocking reads of every loop.
        context.close();
    }

    private Thread loop(String name, ZMQ.Socket socket) {
        Channel replies = message -> send(socket, message.encode(signer, null));
        Thread thread = new Thread(() -> {
            while (open) {
                List<byte[]> frames;
                try {
                    frames = receive(socket);
                } catch (RuntimeException | AssertionError e) {
                    if (!open) {
                        break;  // the context was closed (jeromq may assert while it closes)
                    }
                    LOG.log(Level.WARNING, name + ": a read failed; reading on", e);
                    pause();
                    continue;
                }
                if (frames != null) {
                    dispatch(frames, replies);
                }  // null: an interrupted read; the loop condition tells a closing
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }

    private void dispatch(List<byte[]> frames, Channel replies) {
        Message request;
        try {
            request = Message.decode(frames, signer);
        } catch (SecurityException e) {
            LOG.warning("dropped a message with an invalid signature (not executed)");
            return;
        } catch (RuntimeException e) {
            LOG.warning("dropped a malformed message: " + e.getMessage());
            return;
        }
        MessageHandler handler = handlers.get(request.type());
        if (handler == null) {
            LOG.fine("no handler for " + request.type());
            return;
        }
        try {
            handler.handle(request, replies);
        } catch (Exception | StackOverflowError e) {
            LOG.log(Level.SEVERE, "failed to handle " + request.type(), e);
        }
    }

    private void echoHeartbeats() {
        while (open) {
            try {
                byte[] ping = heartbeat.recv(0);
                if (ping != null) {
                    heartbeat.send(ping, 0);
                }  // null: an interrupted read; the loop condition tells a closing
            } catch (RuntimeException | AssertionError e) {
                if (!open) {
                    break;  // the context was closed
                }
                // A kernel whose heartbeat stops is declared dead by Jupyter: keep answering.
                LOG.log(Level.WARNING, "heartbeat: a read failed; answering on", e);
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<byte[]> receive(ZMQ.Socket socket) {
        List<byte[]> frames = new ArrayList<>();
        byte[] frame = socket.recv(0);
        if (frame == null) {
            return null;
        }
        frames.add(frame);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return frames;
    }

    private void send(ZMQ.Socket socket, List<byte[]> frames) {
        if (!open) {
            return;
        }
        synchronized (socket) {
            for (int i = 0; i < frames.size(); i++) {
                socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
            }
        }
    }
}
