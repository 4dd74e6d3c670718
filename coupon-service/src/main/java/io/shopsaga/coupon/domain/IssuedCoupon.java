package io.shopsaga.coupon.domain;

import java.time.Instant;

/** A coupon one user holds, with the terms of its campaign. */
public record IssuedCoupon(long id, long couponId, long userId, IssuedCouponStatus status, Instant issuedAt,
        String name, DiscountType discountType, long discountValue) {
}
