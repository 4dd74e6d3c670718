package io.shopsaga.coupon.domain;

/**
 * What an order did with a coupon. Recorded per order id, which makes use and restore idempotent and
 * lets a restore that overtakes its use fence the use off.
 */
public enum CouponUseStatus {
    /** The coupon was the user's and AVAILABLE; the order used it. */
    USED,
    /** The coupon was not the user's, or not AVAILABLE; nothing changed. */
    REJECTED,
    /** A used coupon was given back to its user. */
    RESTORED,
    /** A restore arrived before any use: a later use for this order must do nothing. */
    CANCELLED;

    /** The status after a restore request, or this status when a restore has nothing to give back. */
    public CouponUseStatus afterRestore() {
        return this == USED ? RESTORED : this;
    }

    public boolean restoreGivesCouponBack() {
        return this == USED;
    }

    /** Whether a use recorded with this status answers "used" when the same order asks again. */
    public boolean answersUsed() {
        return this == USED || this == RESTORED;
    }
}
