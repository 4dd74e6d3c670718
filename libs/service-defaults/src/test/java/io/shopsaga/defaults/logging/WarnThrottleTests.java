package io.shopsaga.defaults.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WarnThrottleTests {

    private final SettableClock clock = new SettableClock(Instant.ofEpochMilli(1_000_000));
    private final WarnThrottle throttle = new WarnThrottle(Duration.ofSeconds(10), clock);

    @Test
    void theFirstFailureWarnsAndTheNextOnesWithinTheIntervalDoNot() {
        assertThat(throttle.warn()).hasValue(0);
        clock.advance(Duration.ofMillis(9_999));

        assertThat(throttle.warn()).isEmpty();
        assertThat(throttle.warn()).isEmpty();
    }

    @Test
    void theNextWarningAfterTheIntervalCountsTheOnesLeftOut() {
        throttle.warn();
        throttle.warn();
        throttle.warn();
        clock.advance(Duration.ofSeconds(10));

        assertThat(throttle.warn()).hasValue(2);
        assertThat(throttle.warn()).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.warn()).hasValue(1);
    }
}
