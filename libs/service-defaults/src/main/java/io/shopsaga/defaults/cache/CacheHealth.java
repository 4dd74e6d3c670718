package io.shopsaga.defaults.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.defaults.logging.WarnThrottle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;

/**
 * What a cache in Redis knows about Redis's health, for a service that answers correctly without it, and the
 * meters that say so (for a cache named {@code <name>}):
 *
 * <ul>
 *   <li>{@code <name>.cache.available} (gauge): 1 while the last cache operation reached Redis, 0 after one failed
 *       (and while the cache is switched off);</li>
 *   <li>{@code <name>.cache.fallbacks} (counter): answers that came from the database because Redis failed or was
 *       being left alone after a failure;</li>
 *   <li>{@code <name>.cache.errors} (counter, tag {@code operation}): failed cache operations.</li>
 * </ul>
 *
 * <p>Failures are logged at WARN at most once per {@link #WARN_INTERVAL}. After a failure Redis is left alone for
 * {@code retryAfter} ({@link #bypassing()}), so a dead or hanging Redis costs a request a database read and no wait.
 */
public class CacheHealth {

    static final Duration WARN_INTERVAL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(CacheHealth.class);

    private final MeterRegistry meters;
    private final String name;
    private final String fallback;
    private final Duration retryAfter;
    private final Clock clock;
    private final ConcurrentMap<String, Counter> errors = new ConcurrentHashMap<>();
    private final Counter fallbacks;
    private final AtomicLong failures = new AtomicLong();
    private final WarnThrottle warnings;
    private volatile boolean available = true;
    private volatile boolean enabled = true;
    private volatile long bypassUntilMillis;
    private volatile Instant lastFailureAt;
    private volatile String lastFailure;

    /**
     * @param name     the cache's name, the first part of its meters' names ({@code product})
     * @param fallback what happens without Redis, for logs and health ({@code reads are served from the database})
     */
    public CacheHealth(MeterRegistry meters, String name, String fallback, Duration retryAfter, Clock clock) {
        this.meters = meters;
        this.name = name;
        this.fallback = fallback;
        this.retryAfter = retryAfter;
        this.clock = clock;
        this.warnings = new WarnThrottle(WARN_INTERVAL, clock);
        Gauge.builder(meterName(name, "available"), this, s -> s.available() ? 1 : 0)
                .description("1 while the " + name + " cache reaches Redis, 0 while " + fallback)
                .register(meters);
        this.fallbacks = Counter.builder(meterName(name, "fallbacks"))
                .description("Answers from the database because Redis failed or was being left alone")
                .register(meters);
    }

    /** {@code <name>.cache.<meter>}. */
    public static String meterName(String name, String meter) {
        return name + ".cache." + meter;
    }

    /** True for {@code retryAfter} after a failure: Redis is not asked. */
    public boolean bypassing() {
        return clock.millis() < bypassUntilMillis;
    }

    /** Whether the cache is in use and its last operation reached Redis. */
    public boolean available() {
        return enabled && available;
    }

    /** The cache is switched off by configuration (the gauge then stays 0). */
    public void disabled() {
        enabled = false;
    }

    public void succeeded() {
        bypassUntilMillis = 0;
        available = true;
    }

    public void fellBack() {
        fallbacks.increment();
    }

    public void failed(String operation, RuntimeException ex) {
        long now = clock.millis();
        bypassUntilMillis = now + retryAfter.toMillis();
        available = false;
        failures.incrementAndGet();
        lastFailureAt = Instant.ofEpochMilli(now);
        lastFailure = operation + ": " + ex;
        errors.computeIfAbsent(operation, op -> Counter.builder(meterName(name, "errors"))
                .description("Cache operations that failed")
                .tag("operation", op)
                .register(meters))
                .increment();
        OptionalLong suppressed = warnings.warn();
        if (suppressed.isPresent()) {
            log.warn("The {} cache is unavailable ({} failed; {} more failures since the last warning); {}: {}",
                    name, operation, suppressed.getAsLong(), fallback, ex.toString());
        }
        else {
            log.debug("The {} cache's {} failed", name, operation, ex);
        }
    }

    /** Failed cache operations since start-up. */
    public long failures() {
        return failures.get();
    }

    /** Answers from the database because of a Redis failure, since start-up. */
    public long fallbacks() {
        return (long) fallbacks.count();
    }

    public Instant lastFailureAt() {
        return lastFailureAt;
    }

    public String lastFailure() {
        return lastFailure;
    }

    /**
     * A health that is UP either way, since the service answers without Redis: the {@code cache} detail says
     * {@code UP} or {@code DEGRADED}, with the failures so far and the last one.
     */
    public Health.Builder health(boolean reachable) {
        Health.Builder health = Health.up()
                .withDetail("cache", reachable ? "UP" : "DEGRADED")
                .withDetail("redis", reachable ? "reachable" : "unreachable; " + fallback)
                .withDetail("errors", failures())
                .withDetail("fallbacks", fallbacks());
        Instant at = lastFailureAt;
        if (at != null) {
            health.withDetail("lastErrorAt", at.toString()).withDetail("lastError", lastFailure);
        }
        return health;
    }
}
