package io.shopsaga.dataplatform.domain;

import io.shopsaga.defaults.error.BusinessException;
import java.time.Instant;

/**
 * One order's delivery, as the delivery log shows it.
 *
 * @param attempts every attempt made, over all rounds
 * @param lastError the error of the latest failed attempt, if any (kept after a later success, for the record)
 * @param lastHttpStatus the platform's status code on the latest attempt, {@code null} if it did not answer
 * @param nextAttemptAt when a PENDING delivery is due, else {@code null}
 */
public record Delivery(long orderId, DeliveryStatus status, int attempts, String lastError, Integer lastHttpStatus,
        Instant receivedAt, Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt) {

    /** What an operator's retry does to a delivery. */
    public enum OperatorRetry {
        /** FAILED → PENDING, due now, with a fresh round of attempts. */
        REQUEUE,
        /** Still PENDING: due now instead of after its backoff. */
        EXPEDITE
    }

    /** The effect of an operator's retry; a DELIVERED order is refused (the platform has it). */
    public OperatorRetry operatorRetry() {
        return switch (status) {
            case FAILED -> OperatorRetry.REQUEUE;
            case PENDING -> OperatorRetry.EXPEDITE;
            case DELIVERED -> throw new BusinessException(DeliveryRules.ALREADY_DELIVERED, BusinessException.Kind.CONFLICT,
                    "order " + orderId + " was delivered at " + deliveredAt + "; the platform has it");
        };
    }
}
