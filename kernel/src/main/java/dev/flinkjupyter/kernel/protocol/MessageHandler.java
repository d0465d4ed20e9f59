package dev.flinkjupyter.kernel.protocol;

/** Handles one request that arrived on the shell or control channel. */
@FunctionalInterface
public interface MessageHandler {
    void handle(Message request, Channel replyTo) throws Exception;
}
