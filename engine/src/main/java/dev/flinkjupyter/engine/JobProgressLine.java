package dev.flinkjupyter.engine;

import dev.flinkjupyter.display.Html;
import dev.flinkjupyter.display.MimeBundle;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.apache.flink.api.common.JobStatus;

/**
 * One line about a running job, as the notebook shows it under the cell that started it:
 * {@code Job 'word count' RUNNING · 3/4 tasks · 12,345 in · 12,000 out · 4.2 s · Flink web UI}.
 *
 * @param jobId the job id in hex
 * @param name the job's name (for SQL, the query: shown on one line, shortened)
 * @param state the job's state
 * @param finishedTasks tasks that finished
 * @param tasks tasks the job has so far
 * @param moreTasks whether more tasks will come (a batch job adds its later stages as it goes)
 * @param recordsIn records its sources read
 * @param recordsOut records its sinks received
 * @param elapsed time since the job started, until it ended
 * @param webUi the Flink web UI, when it runs
 */
record JobProgressLine(
        String jobId,
        String name,
        JobStatus state,
        int finishedTasks,
        int tasks,
        boolean moreTasks,
        long recordsIn,
        long recordsOut,
        Duration elapsed,
        Optional<URI> webUi) {

    static final int MAX_NAME_CHARS = 80;

    /** The job's page in the web UI: the running jobs' list until it ends, the completed ones' after. */
    Optional<String> link() {
        String list = state.isGloballyTerminalState() ? "completed" : "running";
        return webUi.map(ui -> ui.toString().replaceAll("/$", "") + "/#/job/" + list + "/" + jobId + "/overview");
    }

    /** The line as plain text and as HTML with a link. */
    MimeBundle bundle() {
        return MimeBundle.html(html(), text());
    }

    String text() {
        return "Job '" + shortName() + "' " + facts(false) + link().map(url -> " · " + url).orElse("");
    }

    String html() {
        StringBuilder html = new StringBuilder("<div class=\"fj-job\" style=\"font-size:12px;color:#555;\">")
                .append("Job <b>").append(Html.escape(shortName())).append("</b> ")
                .append(facts(true));
        link().ifPresent(url -> html.append(" · <a href=\"").append(Html.escape(url))
                .append("\" target=\"_blank\" rel=\"noopener\">Flink web UI</a>"));
        return html.append("</div>").toString();
    }

    /** State, tasks, records and time: {@code RUNNING · 3/4 tasks · 12,345 in · 12,000 out · 4.2 s}. */
    private String facts(boolean html) {
        String stateText = html
                ? "<span style=\"font-weight:bold;color:" + color() + ";\">" + state + "</span>"
                : state.toString();
        return stateText
                + " · " + finishedTasks + "/" + tasks + (moreTasks ? "+" : "") + " tasks"
                + " · " + count(recordsIn) + " in · " + count(recordsOut) + " out"
                + " · " + describe(elapsed);
    }

    private String color() {
        return switch (state) {
            case FINISHED -> "#2e7d32";
            case FAILED, FAILING -> "#c62828";
            case CANCELED, CANCELLING, SUSPENDED -> "#777";
            default -> "#1565c0";
        };
    }

    /** The name on one line, at most {@value #MAX_NAME_CHARS} characters. */
    String shortName() {
        String oneLine = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_NAME_CHARS ? oneLine : oneLine.substring(0, MAX_NAME_CHARS - 1) + "…";
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 0.4 s}, {@code 12.3 s}, {@code 2 min 05 s}, {@code 1 h 02 min}. */
    static String describe(Duration elapsed) {
        long millis = Math.max(0, elapsed.toMillis());
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
