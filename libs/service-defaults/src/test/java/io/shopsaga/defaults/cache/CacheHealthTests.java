package io.shopsaga.defaults.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopsaga.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class CacheHealthTests {

    private final SettableClock clock = new SettableClock(Instant.ofEpochMilli(1_000_000));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CacheHealth cache = new CacheHealth(meters, "things", "things come from the database",
            Duration.ofSeconds(2), clock);

    @Test
    void aFailureLeavesRedisAloneForRetryAfterAndThenAsksAgain() {
        assertThat(cache.bypassing()).isFalse();

        cache.failed("read", new IllegalStateException("connection refused"));

        assertThat(cache.bypassing()).isTrue();
        assertThat(cache.available()).isFalse();
        clock.advance(Duration.ofMillis(1_999));
        assertThat(cache.bypassing()).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.bypassing()).isFalse();
        assertThat(cache.available()).isFalse();

        cache.succeeded();

        assertThat(cache.available()).isTrue();
        assertThat(cache.failures()).isEqualTo(1);
    }

    @Test
    void aSuccessEndsTheBypassAtOnce() {
        cache.failed("write", new IllegalStateException("timeout"));

        cache.succeeded();

        assertThat(cache.bypassing()).isFalse();
    }

    @Test
    void theMetersCountFailuresPerOperationAndFallbacks() {
        cache.failed("read", new IllegalStateException("a"));
        cache.failed("read", new IllegalStateException("b"));
        cache.failed("evict", new IllegalStateException("c"));
        cache.fellBack();

        assertThat(meters.get("things.cache.errors").tag("operation", "read").counter().count()).isEqualTo(2);
        assertThat(meters.get("things.cache.errors").tag("operation", "evict").counter().count()).isEqualTo(1);
        assertThat(meters.get("things.cache.fallbacks").counter().count()).isEqualTo(1);
        assertThat(meters.get("things.cache.available").gauge().value()).isZero();
        assertThat(cache.failures()).isEqualTo(3);
        assertThat(cache.fallbacks()).isEqualTo(1);

        cache.succeeded();

        assertThat(meters.get("things.cache.available").gauge().value()).isEqualTo(1);
    }

    @Test
    void aCacheSwitchedOffIsNeverAvailable() {
        cache.disabled();
        cache.succeeded();

        assertThat(cache.available()).isFalse();
        assertThat(meters.get("things.cache.available").gauge().value()).isZero();
    }

    @Test
    void theHealthIsUpEitherWayAndNamesTheLastFailure() {
        Health healthy = cache.health(true).build();

        assertThat(healthy.getStatus()).isEqualTo(Status.UP);
        assertThat(healthy.getDetails()).containsEntry("cache", "UP").containsEntry("redis", "reachable")
                .containsEntry("errors", 0L).doesNotContainKey("lastError");

        cache.failed("read", new IllegalStateException("connection refused"));
        Health degraded = cache.health(false).build();

        assertThat(degraded.getStatus()).isEqualTo(Status.UP);
        assertThat(degraded.getDetails()).containsEntry("cache", "DEGRADED")
                .containsEntry("redis", "unreachable; things come from the database")
                .containsEntry("errors", 1L)
                .containsEntry("lastErrorAt", "1970-01-01T00:16:40Z")
                .containsEntry("lastError", "read: java.lang.IllegalStateException: connection refused");
    }
}
