package io.shopsaga.product.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the cache knows about Redis's health, and the metrics that say so:
 *
 * <ul>
 *   <li>{@code product.cache.available} (gauge): 1 while the last cache operation reached Redis, 0 after one
 *       failed (and while the cache is switched off);</li>
 *   <li>{@code product.cache.fallbacks} (counter): reads served from the database because Redis failed or was
 *       being skipped after a failure;</li>
 *   <li>{@code product.cache.errors} (counter, tag {@code operation}: read, write, evict): failed cache operations.</li>
 * </ul>
 *
 * <p>Failures are logged at WARN at most once per {@link #WARN_INTERVAL}. After a failure, reads bypass Redis for
 * {@code retryAfter}, so a dead or hanging Redis costs a request nothing but a database read.
 */
public class CacheStatus {

    static final Duration WARN_INTERVAL = Duration.ofSeconds(10);
    public static final String AVAILABLE_METER = "product.cache.available";
    public static final String FALLBACKS_METER = "product.cache.fallbacks";
    public static final String ERRORS_METER = "product.cache.errors";

    private static final Logger log = LoggerFactory.getLogger(CacheStatus.class);

    private final MeterRegistry meters;
    private final Duration retryAfter;
    private final Clock clock;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final Counter fallbacks;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong suppressedWarnings = new AtomicLong();
    private final AtomicLong lastWarnMillis = new AtomicLong(Long.MIN_VALUE / 2);
    private volatile boolean available = true;
    private volatile boolean enabled = true;
    private volatile long bypassUntilMillis;
    private volatile Instant lastFailureAt;
    private volatile String lastFailure;

    public CacheStatus(MeterRegistry meters, Duration retryAfter, Clock clock) {
        this.meters = meters;
        this.retryAfter = retryAfter;
        this.clock = clock;
        Gauge.builder(AVAILABLE_METER, this, s -> s.available() ? 1 : 0)
                .description("1 while the product cache reaches Redis, 0 while reads fall back to the database")
                .register(meters);
        this.fallbacks = Counter.builder(FALLBACKS_METER)
                .description("Product reads served from the database because Redis failed or was being skipped")
                .register(meters);
    }

    /** True for {@code retryAfter} after a failure: reads go straight to the database. */
    public boolean bypassing() {
        return clock.millis() < bypassUntilMillis;
    }

    /** Whether the cache is in use and its last operation reached Redis. */
    public boolean available() {
        return enabled && available;
    }

    void disabled() {
        enabled = false;
    }

    void succeeded() {
        bypassUntilMillis = 0;
        available = true;
    }

    void fellBack() {
        fallbacks.increment();
    }

    void failed(String operation, RuntimeException ex) {
        long now = clock.millis();
        bypassUntilMillis = now + retryAfter.toMillis();
        available = false;
        failures.incrementAndGet();
        lastFailureAt = Instant.ofEpochMilli(now);
        lastFailure = operation + ": " + ex;
        counters.computeIfAbsent(operation, op -> Counter.builder(ERRORS_METER)
                .description("Product cache operations that failed and fell back to the database")
                .tag("operation", op)
                .register(meters))
                .increment();
        long last = lastWarnMillis.get();
        if (now - last >= WARN_INTERVAL.toMillis() && lastWarnMillis.compareAndSet(last, now)) {
            log.warn("Product cache unavailable ({} failed; {} more failures since the last warning); "
                    + "serving from the database: {}", operation, suppressedWarnings.getAndSet(0), ex.toString());
        }
        else {
            suppressedWarnings.incrementAndGet();
            log.debug("Product cache {} failed", operation, ex);
        }
    }

    /** Failed cache operations since start-up. */
    public long failures() {
        return failures.get();
    }

    /** Reads served from the database because of a Redis failure, since start-up. */
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
