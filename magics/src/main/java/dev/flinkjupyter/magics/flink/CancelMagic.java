package dev.flinkjupyter.magics.flink;

import dev.flinkjupyter.engine.FlinkEngine;
import dev.flinkjupyter.engine.JobInfo;
import dev.flinkjupyter.magics.LineMagic;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Session;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code %cancel JOB_ID} or {@code %cancel --all}: cancels jobs of the kernel's cluster and waits for them to end. */
@Command(name = "cancel", description = "Cancels a Flink job by its id (see %%jobs), or every running job with --all.")
public final class CancelMagic implements LineMagic {

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Parameters(paramLabel = "JOB_ID", description = "The job's id: 32 hex digits, as %%jobs shows it.")
        String jobId;

        @Option(names = "--all", description = "Cancels every job that has not ended.")
        boolean all;
    }

    @Override
    public Object run(Session session) {
        FlinkEngine engine = session.engine();
        if (target.all) {
            int cancelled = engine.cancelRunningJobs();
            return cancelled == 0 ? "No running job." : "Cancelled " + cancelled + (cancelled == 1 ? " job." : " jobs.");
        }
        String id = target.jobId.strip();
        try {
            engine.cancel(id);
        } catch (IllegalArgumentException e) {
            List<JobInfo> jobs = engine.jobs();
            throw new MagicException("%cancel: " + e.getMessage() + (jobs.isEmpty() ? "; there is no job yet"
                    : "; jobs: " + String.join(", ", jobs.stream().map(j -> j.id() + " (" + j.state() + ")").toList())));
        }
        String state = engine.jobs().stream().filter(job -> job.id().equals(id)).map(JobInfo::state)
                .findFirst().orElse("ended");
        return "Job " + id + ": " + state;
    }
}
