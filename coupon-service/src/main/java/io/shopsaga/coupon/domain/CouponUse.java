package io.shopsaga.coupon.domain;

/**
 * One order's use of one coupon.
 *
 * @param orderId the saga's order id; one record per order
 * @param issuedCouponId the coupon the order asked to use; null when a restore came first
 * @param discount what the coupon took off the order (0 unless it was used)
 */
public record CouponUse(long orderId, Long issuedCouponId, Long userId, CouponUseStatus status, long discount) {

    /** The use after a restore; only a USED coupon changes. */
    public CouponUse restore() {
        return new CouponUse(orderId, issuedCouponId, userId, status.afterRestore(), discount);
    }
}
