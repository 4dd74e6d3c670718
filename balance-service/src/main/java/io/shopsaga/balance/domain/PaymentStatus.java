package io.shopsaga.balance.domain;

/**
 * Where an order's payment stands. Recorded per order id, which is what makes deduct and refund
 * idempotent and lets a refund that overtakes its deduct fence the deduct off.
 */
public enum PaymentStatus {
    /** The amount was taken from the balance. */
    DEDUCTED,
    /** The balance did not cover the amount; nothing was taken. */
    REJECTED,
    /** A deducted amount was given back. */
    REFUNDED,
    /** A refund arrived before any deduct: a later deduct for this order must do nothing. */
    CANCELLED;

    /** The status after a refund request, or this status when a refund has nothing to give back. */
    public PaymentStatus afterRefund() {
        return this == DEDUCTED ? REFUNDED : this;
    }

    public boolean refundGivesMoneyBack() {
        return this == DEDUCTED;
    }
}
