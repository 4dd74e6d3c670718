package io.shopsaga.defaults.logging;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most one WARN per interval for a failure that repeats (Redis down, a peer service down): the first is news, the
 * next thousand in the same seconds are not. Callers log the others at DEBUG.
 */
public final class WarnThrottle {

    private final long intervalMillis;
    private final Clock clock;
    private final AtomicLong lastWarnMillis = new AtomicLong(Long.MIN_VALUE / 2);
    private final AtomicLong suppressed = new AtomicLong();

    public WarnThrottle(Duration interval, Clock clock) {
        this.intervalMillis = interval.toMillis();
        this.clock = clock;
    }

    /**
     * Whether this failure is to be logged at WARN: if so, how many were not since the last WARN; empty (and counted)
     * if not.
     */
    public OptionalLong warn() {
        long now = clock.millis();
        long last = lastWarnMillis.get();
        if (now - last >= intervalMillis && lastWarnMillis.compareAndSet(last, now)) {
            return OptionalLong.of(suppressed.getAndSet(0));
        }
        suppressed.incrementAndGet();
        return OptionalLong.empty();
    }
}
