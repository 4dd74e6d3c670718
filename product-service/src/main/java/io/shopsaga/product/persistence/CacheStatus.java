package io.shopsaga.product.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.defaults.cache.CacheHealth;
import java.time.Clock;
import java.time.Duration;

/**
 * The product cache's view of Redis's health ({@link CacheHealth}), with the meters {@code product.cache.*}; the
 * errors' {@code operation} tag is read, write or evict.
 */
public class CacheStatus extends CacheHealth {

    public static final String AVAILABLE_METER = meterName("product", "available");
    public static final String FALLBACKS_METER = meterName("product", "fallbacks");
    public static final String ERRORS_METER = meterName("product", "errors");

    public CacheStatus(MeterRegistry meters, Duration retryAfter, Clock clock) {
        super(meters, "product", "reads are served from the database", retryAfter, clock);
    }
}
