package io.shopsaga.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * What every command, reply and event carries: its own id (for de-duplication), the order (saga) it
 * belongs to, which is also its Kafka key, and when it happened.
 */
public interface SagaMessage {

    UUID messageId();

    long orderId();

    Instant occurredAt();
}
