package io.shopsaga.coupon.application;

import io.shopsaga.coupon.domain.IssuedCouponStatus;
import java.time.Instant;

/** A coupon just issued to a user; it exists in MySQL. */
public record IssuedCouponView(long issuedCouponId, long couponId, long userId, IssuedCouponStatus status,
        Instant issuedAt) {
}
