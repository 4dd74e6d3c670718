package io.shopsaga.order.application;

/** The answer to placing an order: its id (the saga runs on), stored for Idempotency-Key replays. */
public record OrderAccepted(long orderId) {
}
