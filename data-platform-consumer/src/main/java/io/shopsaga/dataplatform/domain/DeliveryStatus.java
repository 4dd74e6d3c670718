package io.shopsaga.dataplatform.domain;

/** Where an order's delivery to the data platform stands. */
public enum DeliveryStatus {
    /** Recorded and not yet accepted by the platform: due now, waiting for its next attempt, or being sent. */
    PENDING,
    /** The platform accepted it (2xx), or already had it (409). Final. */
    DELIVERED,
    /** Refused for good (a 4xx), or every attempt of the round failed; waits for an operator retry. */
    FAILED
}
