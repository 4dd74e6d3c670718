package io.shopsaga.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Answer to {@link DeductBalance}: SUCCEEDED with the {@code amount} taken, or REJECTED with
 * {@code INSUFFICIENT_BALANCE} (or {@code ORDER_CANCELLED}: the refund came first) and nothing taken.
 */
public record DeductBalanceReply(UUID messageId, long orderId, Instant occurredAt, ReplyOutcome outcome, String code,
        long amount) implements SagaReply {
}
