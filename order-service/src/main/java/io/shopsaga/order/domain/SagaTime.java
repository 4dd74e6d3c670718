package io.shopsaga.order.domain;

import java.time.Duration;
import java.time.Instant;

/** The moment a transition happens and how long its step may wait for a reply. */
public record SagaTime(Instant now, Duration stepTimeout) {

    Instant deadline() {
        return now.plus(stepTimeout);
    }
}
