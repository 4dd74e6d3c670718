package io.shopsaga.balance.application;

/** The answer to "give this order's payment back": always a success, since compensations must not fail. */
public record RefundOutcome(long orderId, long refundedAmount) {
}
