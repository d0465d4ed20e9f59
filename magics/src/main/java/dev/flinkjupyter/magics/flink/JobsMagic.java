package dev.flinkjupyter.magics.flink;

import dev.flinkjupyter.display.Markdown;
import dev.flinkjupyter.engine.JobInfo;
import dev.flinkjupyter.magics.LineMagic;
import dev.flinkjupyter.magics.Session;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code %jobs}: the jobs of the kernel's cluster, running and finished, oldest first. */
@Command(name = "jobs", description = "Lists the Flink jobs of this kernel: id, name, state, start, duration.")
public final class JobsMagic implements LineMagic {
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    @Option(names = "--running", description = "Only the jobs that have not ended.")
    boolean running;

    @Override
    public Object run(Session session) {
        List<JobInfo> jobs = session.engine().jobs().stream().filter(job -> !running || !job.isTerminal()).toList();
        if (jobs.isEmpty()) {
            return new Markdown(running ? "No running job." : "No job yet.");
        }
        MarkdownTable table = new MarkdownTable("id", "name", "state", "start", "duration");
        for (JobInfo job : jobs) {
            table.row(job.id(), job.name(), job.state(), START.format(job.start()), duration(job.duration()));
        }
        return new Markdown(table.toString());
    }

    /** {@code 850 ms}, {@code 12.3 s}, {@code 4 min 05 s}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, (millis / 1000) % 60);
    }
}
