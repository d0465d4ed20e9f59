package dev.flinkjupyter.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Throttle throttle = new Throttle(Duration.ofMillis(250), now::get);

    private void advanceMillis(long millis) {
        now.addAndGet(millis * 1_000_000);
    }

    @Test
    void theFirstEventMayHappenAtOnce() {
        assertThat(throttle.tryAcquire()).isTrue();
    }

    @Test
    void atMostOneEventPerInterval() {
        assertThat(throttle.tryAcquire()).isTrue();
        advanceMillis(100);
        assertThat(throttle.tryAcquire()).isFalse();
        assertThat(throttle.nanosUntilNext()).isEqualTo(150_000_000L);
        advanceMillis(150);
        assertThat(throttle.tryAcquire()).isTrue();
        assertThat(throttle.tryAcquire()).isFalse();
    }

    @Test
    void markCountsAnEventThatHappenedElsewhere() {
        throttle.mark();
        advanceMillis(249);
        assertThat(throttle.tryAcquire()).isFalse();
        advanceMillis(1);
        assertThat(throttle.tryAcquire()).isTrue();
    }

    @Test
    void aHundredEventsInOneSecondPassFourTimes() {
        throttle.mark();
        int passed = 0;
        for (int i = 0; i < 100; i++) {
            advanceMillis(10);
            if (throttle.tryAcquire()) {
                passed++;
            }
        }
        assertThat(passed).isEqualTo(4);
    }
}
