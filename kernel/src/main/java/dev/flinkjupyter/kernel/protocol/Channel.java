package dev.flinkjupyter.kernel.protocol;

/** Where replies go: the channel (shell or control) the request came in on. */
public interface Channel {
    void send(Message message);
}
