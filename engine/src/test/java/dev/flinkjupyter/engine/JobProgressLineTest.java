package dev.flinkjupyter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;

class JobProgressLineTest {
    private static final String ID = "0123456789abcdef0123456789abcdef";
    private static final Optional<URI> UI = Optional.of(URI.create("http://127.0.0.1:8081/"));

    private static JobProgressLine line(String name, JobStatus state, Duration elapsed) {
        return new JobProgressLine(ID, name, state, 3, 4, false, 12_345, 12_000, elapsed, UI);
    }

    @Test
    void aRunningJobSaysItsStateTasksRecordsTimeAndWhereToSeeIt() {
        JobProgressLine line = line("word count", JobStatus.RUNNING, Duration.ofMillis(4_230));

        assertThat(line.text()).isEqualTo("Job 'word count' RUNNING · 3/4 tasks · 12,345 in · 12,000 out · 4.2 s"
                + " · http://127.0.0.1:8081/#/job/running/" + ID + "/overview");
        assertThat(line.html()).contains("<b>word count</b>").contains(">RUNNING</span>")
                .contains("<a href=\"http://127.0.0.1:8081/#/job/running/" + ID + "/overview\"");
    }

    @Test
    void anEndedJobLinksToTheCompletedJobsPage() {
        assertThat(line("j", JobStatus.FINISHED, Duration.ZERO).link())
                .contains("http://127.0.0.1:8081/#/job/completed/" + ID + "/overview");
        assertThat(line("j", JobStatus.CANCELED, Duration.ZERO).text()).contains("CANCELED");
    }

    @Test
    void withoutAWebUiThereIsNoLink() {
        JobProgressLine line = new JobProgressLine(ID, "j", JobStatus.RUNNING, 0, 1, false, 0, 0, Duration.ZERO, Optional.empty());

        assertThat(line.text()).endsWith("0.0 s");
        assertThat(line.html()).doesNotContain("<a ");
    }

    @Test
    void tasksStillToComeAreMarked() {
        JobProgressLine line = new JobProgressLine(ID, "j", JobStatus.RUNNING, 2, 2, true, 0, 0, Duration.ZERO, UI);

        assertThat(line.text()).contains("2/2+ tasks");
    }

    @Test
    void aQueryAsJobNameIsShownOnOneShortLineAndEscaped() {
        String query = "SELECT `word`, COUNT(*)\nFROM <words>\nGROUP BY `word` " + "x".repeat(200);
        JobProgressLine line = line(query, JobStatus.RUNNING, Duration.ZERO);

        assertThat(line.shortName()).startsWith("SELECT `word`, COUNT(*) FROM <words> GROUP BY").endsWith("…")
                .hasSize(JobProgressLine.MAX_NAME_CHARS);
        assertThat(line.html()).contains("FROM &lt;words&gt;").doesNotContain("<words>");
    }

    @Test
    void elapsedTimeReadsAsSecondsMinutesOrHours() {
        assertThat(JobProgressLine.describe(Duration.ofMillis(420))).isEqualTo("0.4 s");
        assertThat(JobProgressLine.describe(Duration.ofSeconds(125))).isEqualTo("2 min 05 s");
        assertThat(JobProgressLine.describe(Duration.ofMinutes(62))).isEqualTo("1 h 02 min");
    }
}
