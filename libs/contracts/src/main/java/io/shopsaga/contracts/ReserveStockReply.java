package io.shopsaga.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Answer to {@link ReserveStock}. REJECTED codes: {@code OUT_OF_STOCK}, {@code PRODUCT_NOT_FOUND} (then
 * {@code productId} names the product), {@code ORDER_CANCELLED} (the release came first).
 */
public record ReserveStockReply(UUID messageId, long orderId, Instant occurredAt, ReplyOutcome outcome, String code,
        Long productId) implements SagaReply {
}
