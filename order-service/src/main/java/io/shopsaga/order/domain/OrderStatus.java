package io.shopsaga.order.domain;

/** What clients see of an order: running, done, or failed with nothing left behind. */
public enum OrderStatus {
    PENDING, COMPLETED, FAILED
}
