package io.shopsaga.contracts;

import java.time.Instant;
import java.util.UUID;

/** Compensation: give back what the order paid, once (balance-service). Answered by {@link RefundBalanceReply}. */
public record RefundBalance(UUID messageId, long orderId, Instant occurredAt, long userId) implements SagaCommand {
}
