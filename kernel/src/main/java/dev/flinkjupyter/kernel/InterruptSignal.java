package dev.flinkjupyter.kernel;

import sun.misc.Signal;

import java.util.logging.Logger;

/**
 * Jupyter interrupts a kernel with SIGINT unless its kernelspec asks for messages. Left alone,
 * SIGINT ends the JVM, i.e. kills the kernel and everything its cells built; this turns it into an
 * interrupt of the running cell instead.
 */
final class InterruptSignal {
    private static final Logger LOG = Logger.getLogger(InterruptSignal.class.getName());

    private InterruptSignal() {
    }

    static void onInterrupt(Runnable interrupt) {
        try {
            Signal.handle(new Signal("INT"), signal -> interrupt.run());
        } catch (IllegalArgumentException e) {
            LOG.warning("cannot handle SIGINT here: " + e.getMessage());
        }
    }
}
