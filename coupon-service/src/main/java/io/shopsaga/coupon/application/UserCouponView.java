package io.shopsaga.coupon.application;

import io.shopsaga.coupon.domain.DiscountType;
import io.shopsaga.coupon.domain.IssuedCouponStatus;

/** One coupon a user holds, with its campaign's terms. */
public record UserCouponView(long issuedCouponId, long couponId, String name, DiscountType discountType,
        long discountValue, IssuedCouponStatus status) {
}
