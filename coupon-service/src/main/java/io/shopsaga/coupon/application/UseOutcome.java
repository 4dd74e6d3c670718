package io.shopsaga.coupon.application;

/** The answer to "use this coupon for this order": the saga step's reply. */
public sealed interface UseOutcome {

    long orderId();

    /** The coupon is now USED by the order (now or by an earlier delivery of the same command). */
    record Used(long orderId, long issuedCouponId, long discount) implements UseOutcome {
    }

    /** Nothing changed; {@code code} says why ({@code COUPON_UNAVAILABLE}). */
    record Rejected(long orderId, String code) implements UseOutcome {
    }
}
