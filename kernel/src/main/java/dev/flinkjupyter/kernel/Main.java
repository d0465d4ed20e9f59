package dev.flinkjupyter.kernel;

import dev.flinkjupyter.engine.EngineOptions;
import dev.flinkjupyter.engine.FlinkEngine;
import dev.flinkjupyter.engine.TempDirectory;
import dev.flinkjupyter.kernel.protocol.ConnectionInfo;
import dev.flinkjupyter.kernel.protocol.KernelConnection;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the kernel for one connection file: {@code java dev.flinkjupyter.kernel.Main FILE}.
 * The kernel answers at once; JShell warms up and Flink starts later, when a cell needs them.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java dev.flinkjupyter.kernel.Main CONNECTION_FILE");
            System.exit(2);
        }
        quietLogging();
        TempDirectory temp = TempDirectory.createAndInstall();
        KernelConnection connection = new KernelConnection(ConnectionInfo.read(Path.of(args[0])));
        FlinkKernel kernel = new FlinkKernel(connection, () -> FlinkEngine.create(engineOptions(temp)),
                new History(JupyterPaths.dataDirectory().resolve("flink-java").resolve("history.jsonl")));
        // Also on SIGTERM (a client that gives up waiting): the cluster stops, the temp dir goes.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kernel.close();
            temp.close();
        }, "kernel-cleanup"));
        InterruptSignal.onInterrupt(kernel::interrupt);
        connection.start();
        kernel.start();
        connection.awaitClose();
        System.exit(0);  // Flink's threads are not daemons; the shutdown hook cleans up
    }

    /**
     * Parallelism 1 by default, so that a notebook gives the same rows in the same order on every
     * run; cells and {@code %flink parallelism} raise it. Slots leave room for several jobs.
     */
    private static EngineOptions engineOptions(TempDirectory temp) {
        return EngineOptions.of(temp.path()).withParallelism(1).withTaskSlots(4);
    }

    /**
     * Flink logs through slf4j-simple: warnings and errors go to the kernel's own standard error
     * (Jupyter's server log), captured before cells take System.err over, never into a notebook.
     */
    private static void quietLogging() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.flink", "error");
        System.setProperty("org.slf4j.simpleLogger.cacheOutputStream", "true");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        org.slf4j.LoggerFactory.getLogger(Main.class);  // binds the logger to the real stderr now
        Logger.getLogger("").setLevel(Level.WARNING);
    }
}
