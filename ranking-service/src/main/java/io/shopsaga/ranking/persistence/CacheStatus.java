package io.shopsaga.ranking.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the ranking cache knows about Redis's health, and the meters that say so:
 *
 * <ul>
 *   <li>{@code ranking.cache.available} (gauge): 1 while the last Redis operation worked, 0 after one failed;</li>
 *   <li>{@code ranking.cache.fallbacks} (counter): rankings answered from MySQL instead of Redis;</li>
 *   <li>{@code ranking.cache.errors} (counter, tag {@code operation}: read, write): failed Redis operations;</li>
 *   <li>{@code ranking.cache.rebuilds} (counter): days whose sorted set was (re)built from MySQL.</li>
 * </ul>
 *
 * <p>Failures are logged at WARN at most once per {@link #WARN_INTERVAL}. After a failure Redis is left alone for
 * {@code retryAfter}: a dead or hanging Redis then costs a request a MySQL query, and an event nothing.
 */
public class CacheStatus {

    static final Duration WARN_INTERVAL = Duration.ofSeconds(10);
    public static final String AVAILABLE_METER = "ranking.cache.available";
    public static final String FALLBACKS_METER = "ranking.cache.fallbacks";
    public static final String ERRORS_METER = "ranking.cache.errors";
    public static final String REBUILDS_METER = "ranking.cache.rebuilds";

    private static final Logger log = LoggerFactory.getLogger(CacheStatus.class);

    private final MeterRegistry meters;
    private final Duration retryAfter;
    private final Clock clock;
    private final Counter fallbacks;
    private final Counter rebuilds;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong suppressedWarnings = new AtomicLong();
    private final AtomicLong lastWarnMillis = new AtomicLong(Long.MIN_VALUE / 2);
    private volatile boolean available = true;
    private volatile long bypassUntilMillis;
    private volatile Instant lastFailureAt;
    private volatile String lastFailure;

    public CacheStatus(MeterRegistry meters, Duration retryAfter, Clock clock) {
        this.meters = meters;
        this.retryAfter = retryAfter;
        this.clock = clock;
        Gauge.builder(AVAILABLE_METER, this, s -> s.available() ? 1 : 0)
                .description("1 while the ranking cache reaches Redis, 0 while rankings are answered from MySQL")
                .register(meters);
        fallbacks = Counter.builder(FALLBACKS_METER)
                .description("Rankings answered from MySQL because Redis failed or was being left alone")
                .register(meters);
        rebuilds = Counter.builder(REBUILDS_METER)
                .description("Days whose Redis sorted set was built from MySQL")
                .register(meters);
    }

    /** True for {@code retryAfter} after a failure: Redis is not asked. */
    public boolean bypassing() {
        return clock.millis() < bypassUntilMillis;
    }

    public boolean available() {
        return available;
    }

    void succeeded() {
        bypassUntilMillis = 0;
        available = true;
    }

    void fellBack() {
        fallbacks.increment();
    }

    void rebuilt() {
        rebuilds.increment();
    }

    void failed(String operation, RuntimeException ex) {
        long now = clock.millis();
        bypassUntilMillis = now + retryAfter.toMillis();
        available = false;
        failures.incrementAndGet();
        lastFailureAt = Instant.ofEpochMilli(now);
        lastFailure = operation + ": " + ex;
        Counter.builder(ERRORS_METER)
                .description("Ranking cache operations that failed")
                .tag("operation", operation)
                .register(meters)
                .increment();
        long last = lastWarnMillis.get();
        if (now - last >= WARN_INTERVAL.toMillis() && lastWarnMillis.compareAndSet(last, now)) {
            log.warn("Ranking cache unavailable ({} failed; {} more failures since the last warning); "
                    + "answering from MySQL: {}", operation, suppressedWarnings.getAndSet(0), ex.toString());
        }
        else {
            suppressedWarnings.incrementAndGet();
            log.debug("Ranking cache {} failed", operation, ex);
        }
    }

    public long failures() {
        return failures.get();
    }

    public long fallbacks() {
        return (long) fallbacks.count();
    }

    public Instant lastFailureAt() {
        return lastFailureAt;
    }

    public String lastFailure() {
        return lastFailure;
    }
}
