package io.shopsaga.ranking.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.defaults.cache.CacheHealth;
import java.time.Clock;
import java.time.Duration;

/**
 * The ranking cache's view of Redis's health ({@link CacheHealth}), with the meters {@code ranking.cache.*} (the
 * errors' {@code operation} tag is read or write) and {@code ranking.cache.rebuilds} (counter): days whose sorted
 * set was (re)built from MySQL.
 */
public class CacheStatus extends CacheHealth {

    public static final String AVAILABLE_METER = meterName("ranking", "available");
    public static final String FALLBACKS_METER = meterName("ranking", "fallbacks");
    public static final String ERRORS_METER = meterName("ranking", "errors");
    public static final String REBUILDS_METER = meterName("ranking", "rebuilds");

    private final Counter rebuilds;

    public CacheStatus(MeterRegistry meters, Duration retryAfter, Clock clock) {
        super(meters, "ranking", "rankings are answered from MySQL", retryAfter, clock);
        rebuilds = Counter.builder(REBUILDS_METER)
                .description("Days whose Redis sorted set was built from MySQL")
                .register(meters);
    }

    void rebuilt() {
        rebuilds.increment();
    }
}
