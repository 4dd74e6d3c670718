package io.shopsaga.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Compensation: put back what the order reserved, once; a release before the reserve fences the late reserve off
 * (product-service). Answered by {@link ReleaseStockReply}.
 */
public record ReleaseStock(UUID messageId, long orderId, Instant occurredAt) implements SagaCommand {
}
