package dev.flinkjupyter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineOptionsTest {

    private static final Path TMP = Path.of("/tmp/x");

    @Test
    void defaultsLeaveSlotsToSpare() {
        EngineOptions options = EngineOptions.of(TMP);

        assertThat(options.parallelism()).isBetween(1, 2);
        assertThat(options.taskSlots()).isGreaterThan(options.parallelism()).isGreaterThanOrEqualTo(4);
        assertThat(options.maxFinishedJobsKept()).isEqualTo(100);
        assertThat(options.flinkConfiguration()).isEmpty();
    }

    @Test
    void slotsFollowTheParallelismUpward() {
        assertThat(EngineOptions.of(TMP).withParallelism(8).taskSlots()).isEqualTo(16);
        assertThat(EngineOptions.of(TMP).withTaskSlots(20).withParallelism(8).taskSlots()).isEqualTo(20);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> EngineOptions.of(TMP).withParallelism(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EngineOptions.of(TMP).withParallelism(2).withTaskSlots(1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EngineOptions.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void extraConfigurationIsCopied() {
        var entries = new java.util.HashMap<>(Map.of("a", "1"));
        EngineOptions options = EngineOptions.of(TMP).withFlinkConfiguration(entries);
        entries.put("b", "2");

        assertThat(options.flinkConfiguration()).containsExactly(Map.entry("a", "1"));
    }
}
