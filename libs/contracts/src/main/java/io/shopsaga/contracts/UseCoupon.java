package io.shopsaga.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Use the user's issued coupon for the order and tell the discount on {@code totalAmount} (coupon-service).
 * Answered by {@link UseCouponReply}.
 */
public record UseCoupon(UUID messageId, long orderId, Instant occurredAt, long userId, long issuedCouponId,
        long totalAmount) implements SagaCommand {
}
