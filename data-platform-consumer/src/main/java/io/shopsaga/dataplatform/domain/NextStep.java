package io.shopsaga.dataplatform.domain;

import java.time.Duration;

/** What becomes of a delivery after an attempt. */
public sealed interface NextStep {

    /** The platform has the order: DELIVERED. */
    record Delivered(Integer httpStatus) implements NextStep {
    }

    /** Stays PENDING and is tried again after {@code delay}. */
    record RetryAfter(Duration delay, String error, Integer httpStatus) implements NextStep {
    }

    /**
     * FAILED until an operator retries it.
     *
     * @param permanent true when the platform refused it, false when the round's attempts ran out
     */
    record Failed(String error, Integer httpStatus, boolean permanent) implements NextStep {
    }
}
