package io.shopsaga.coupon.domain;

import java.time.Instant;

/**
 * A campaign as stored: its terms and how many coupons it has issued so far.
 *
 * @param issueStartsAt first instant a coupon may be issued; null when open from creation
 * @param issueEndsAt the instant issuing stops (exclusive); null when it never stops
 */
public record Coupon(long id, String name, DiscountType discountType, long discountValue, int totalQuantity,
        int issuedQuantity, Instant issueStartsAt, Instant issueEndsAt) {

    public int remainingQuantity() {
        return Math.max(0, totalQuantity - issuedQuantity);
    }

    /** Whether a coupon may be issued at {@code now}: inside {@code [issueStartsAt, issueEndsAt)}. */
    public boolean isOpenAt(Instant now) {
        return (issueStartsAt == null || !now.isBefore(issueStartsAt))
                && (issueEndsAt == null || now.isBefore(issueEndsAt));
    }

    /** The discount this coupon gives on an order of {@code orderTotal}. */
    public long discountOn(long orderTotal) {
        return discountOn(discountType, discountValue, orderTotal);
    }

    /** The discount of a coupon with these terms; an order total below zero is a caller's bug. */
    public static long discountOn(DiscountType type, long value, long orderTotal) {
        if (orderTotal < 0) {
            throw new IllegalArgumentException("An order total cannot be negative: " + orderTotal);
        }
        return type.discountOn(value, orderTotal);
    }
}
