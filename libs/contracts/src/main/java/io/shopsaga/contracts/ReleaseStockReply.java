package io.shopsaga.contracts;

import java.time.Instant;
import java.util.UUID;

/** Answer to {@link ReleaseStock}: always SUCCEEDED. */
public record ReleaseStockReply(UUID messageId, long orderId, Instant occurredAt, ReplyOutcome outcome, String code)
        implements SagaReply {
}
