package io.shopsaga.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Answer to {@link UseCoupon}: SUCCEEDED with the {@code discountAmount} in KRW, or REJECTED with
 * {@code COUPON_UNAVAILABLE} (not the user's, not AVAILABLE, unknown) and a discount of 0.
 */
public record UseCouponReply(UUID messageId, long orderId, Instant occurredAt, ReplyOutcome outcome, String code,
        long discountAmount) implements SagaReply {
}
