package io.shopsaga.product.domain;

/**
 * Where an order's stock reservation stands. Recorded per order id, which is what makes reserve and
 * release idempotent and lets a release that overtakes its reserve fence the reserve off.
 */
public enum ReservationStatus {
    /** Every item's stock was taken. */
    RESERVED,
    /** An item was short or unknown; nothing was taken. */
    REJECTED,
    /** A reserved order's stock was put back. */
    RELEASED,
    /** A release arrived before any reserve: a later reserve for this order must take nothing. */
    CANCELLED;

    /** The status after a release request, or this status when a release has nothing to put back. */
    public ReservationStatus afterRelease() {
        return this == RESERVED ? RELEASED : this;
    }

    public boolean releasePutsStockBack() {
        return this == RESERVED;
    }
}
