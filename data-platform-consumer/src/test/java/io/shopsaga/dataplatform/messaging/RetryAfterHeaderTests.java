package io.shopsaga.dataplatform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Retry-After} as RFC 9110 has it: delay-seconds or an HTTP-date. */
class RetryAfterHeaderTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void readsDelaySeconds() {
        assertThat(HttpDataPlatform.retryAfter("120", NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(HttpDataPlatform.retryAfter(" 0 ", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void readsAnHttpDateAsThePauseUntilIt() {
        assertThat(HttpDataPlatform.retryAfter("Tue, 01 Dec 2026 12:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
        assertThat(HttpDataPlatform.retryAfter("Tue, 01 Dec 2026 11:59:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"soon", "-5", "1.5", "12345678901234567890", "2026-12-01T12:01:30Z"})
    void ignoresWhatItCannotRead(String value) {
        assertThat(HttpDataPlatform.retryAfter(value, NOW)).isNull();
    }
}
