package io.shopsaga.coupon.domain;

/** Where a user's coupon stands: still to be used, or used by an order. */
public enum IssuedCouponStatus {
    AVAILABLE, USED
}
