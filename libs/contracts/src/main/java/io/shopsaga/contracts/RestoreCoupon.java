package io.shopsaga.contracts;

import java.time.Instant;
import java.util.UUID;

/** Compensation: make the coupon the order used AVAILABLE again, once (coupon-service). Answered by {@link RestoreCouponReply}. */
public record RestoreCoupon(UUID messageId, long orderId, Instant occurredAt) implements SagaCommand {
}
