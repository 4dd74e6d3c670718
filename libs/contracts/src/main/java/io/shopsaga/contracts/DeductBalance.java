package io.shopsaga.contracts;

import java.time.Instant;
import java.util.UUID;

/** Take {@code amount} KRW from the user's balance for the order (balance-service). Answered by {@link DeductBalanceReply}. */
public record DeductBalance(UUID messageId, long orderId, Instant occurredAt, long userId, long amount)
        implements SagaCommand {
}
