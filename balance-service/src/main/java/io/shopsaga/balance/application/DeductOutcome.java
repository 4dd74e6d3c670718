package io.shopsaga.balance.application;

/** The answer to "take this order's amount from the balance": the saga step's reply. */
public sealed interface DeductOutcome {

    long orderId();

    /** The amount was taken (now or by an earlier delivery of the same command). */
    record Deducted(long orderId, long amount) implements DeductOutcome {
    }

    /** Nothing was taken; {@code code} says why ({@code INSUFFICIENT_BALANCE}, or the order was already cancelled). */
    record Rejected(long orderId, String code) implements DeductOutcome {
    }
}
