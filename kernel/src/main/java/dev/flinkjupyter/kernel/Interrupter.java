package dev.flinkjupyter.kernel;

import dev.flinkjupyter.engine.FlinkEngine;
import dev.flinkjupyter.kernel.jshell.JavaEvaluator;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Stops a running cell in steps, each for a kind of work the cell may be doing: the snippet is
 * asked to stop and its thread interrupted (sleeps, waits, loops on JDK 21+); the cluster's running
 * jobs are cancelled (a cell blocked collecting results returns only then, and a job must not be
 * left running); and, on JDK 17 only, a loop that ignores all of that is stopped by force.
 */
final class Interrupter {
    private static final Logger LOG = Logger.getLogger(Interrupter.class.getName());
    private static final long FORCE_AFTER_MS = 800;

    private final Supplier<FlinkEngine> engine;
    private final LongSupplier runningCell;
    private final Supplier<JavaEvaluator> evaluator;

    /** @param runningCell a number for the cell running now, new for every execution, 0 when none */
    Interrupter(Supplier<FlinkEngine> engine, LongSupplier runningCell, Supplier<JavaEvaluator> evaluator) {
        this.engine = engine;
        this.runningCell = runningCell;
        this.evaluator = evaluator;
    }

    /** Starts stopping the running cell and returns at once. */
    void interrupt() {
        JavaEvaluator cells = evaluator.get();
        long cell = runningCell.getAsLong();
        if (cells == null || cell == 0) {
            return;
        }
        // Every step below acts only while that same cell runs, never on the next one.
        BooleanSupplier stillRunning = () -> runningCell.getAsLong() == cell;
        cells.interrupt();
        Thread stopper = new Thread(() -> {
            FlinkEngine flink = engine.get();
            if (flink != null && flink.isClusterRunning()) {
                int cancelled = flink.cancelRunningJobs();
                LOG.fine("cancelled " + cancelled + " running jobs");
            }
            long deadline = System.currentTimeMillis() + FORCE_AFTER_MS;
            while (stillRunning.getAsBoolean() && System.currentTimeMillis() < deadline) {
                sleep();
            }
            if (stillRunning.getAsBoolean() && cells.isRunning()) {
                cells.forceStop();
            }
        }, "interrupter");
        stopper.setDaemon(true);
        stopper.start();
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
