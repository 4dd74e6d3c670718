package io.shopsaga.contracts;

import java.time.Instant;
import java.util.UUID;

/** Answer to {@link RefundBalance}: always SUCCEEDED; {@code refundedAmount} is what this delivery gave back. */
public record RefundBalanceReply(UUID messageId, long orderId, Instant occurredAt, ReplyOutcome outcome, String code,
        long refundedAmount) implements SagaReply {
}
