package dev.flinkjupyter.magics.builtin;

import dev.flinkjupyter.magics.CellMagic;
import dev.flinkjupyter.magics.CodeMagic;
import dev.flinkjupyter.magics.Session;
import picocli.CommandLine.Command;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * {@code %time CODE} and {@code %%time}: runs the code and prints its wall time and CPU time. The
 * kernel's CPU time counts Flink's task threads too: a job's work happens there, not in the cell.
 */
@Command(name = "time", description = "Times a line (%%time CODE) or a cell (%%%%time): wall and CPU time.")
public final class TimeMagic implements CodeMagic, CellMagic {

    @Override
    public Object run(Session session, String code) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long wall = System.nanoTime();
        long processCpu = processCpuNanos();
        long threadCpu = threads.getCurrentThreadCpuTime();
        try {
            return session.execute(code);
        } finally {
            long wallNanos = System.nanoTime() - wall;
            long processNanos = processCpuNanos() - processCpu;
            long threadNanos = threads.getCurrentThreadCpuTime() - threadCpu;
            System.out.println("Wall time: " + duration(wallNanos) + ", CPU time: " + duration(processNanos)
                    + " (kernel, with Flink's threads; " + duration(threadNanos) + " in the cell's thread)");
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    static String duration(long nanos) {
        if (nanos < 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
