package dev.flinkjupyter.display;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Lets something happen at most once per interval, for redrawing a live output a few times a
 * second however fast its data comes. Not thread-safe. The clock is injectable for tests.
 */
public final class Throttle {
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long last;
    private boolean fired;

    /** A throttle on {@link System#nanoTime()}. */
    public Throttle(Duration interval) {
        this(interval, System::nanoTime);
    }

    /** A throttle on the given clock, which counts nanoseconds like {@link System#nanoTime()}. */
    public Throttle(Duration interval, LongSupplier nanoClock) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the interval cannot be negative: " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock);
    }

    /** Counts an event as happened now, as if {@link #tryAcquire()} had said yes. */
    public void mark() {
        last = nanoClock.getAsLong();
        fired = true;
    }

    /** Whether the event may happen now; if so, it is counted as happened. */
    public boolean tryAcquire() {
        if (nanosUntilNext() > 0) {
            return false;
        }
        mark();
        return true;
    }

    /** How long until the event may happen again; zero or less when it may now. */
    public long nanosUntilNext() {
        if (!fired) {
            return 0;
        }
        return intervalNanos - (nanoClock.getAsLong() - last);
    }
}
