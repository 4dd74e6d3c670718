package io.shopsaga.contracts;

import java.time.Instant;
import java.util.UUID;

/** Answer to {@link RestoreCoupon}: always SUCCEEDED. */
public record RestoreCouponReply(UUID messageId, long orderId, Instant occurredAt, ReplyOutcome outcome, String code)
        implements SagaReply {
}
