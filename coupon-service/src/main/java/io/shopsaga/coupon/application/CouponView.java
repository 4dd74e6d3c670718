package io.shopsaga.coupon.application;

import io.shopsaga.coupon.domain.Coupon;
import io.shopsaga.coupon.domain.DiscountType;
import java.time.Instant;

/** A campaign as the API shows it; the counts come from MySQL. */
public record CouponView(long id, String name, DiscountType discountType, long discountValue, int totalQuantity,
        int issuedQuantity, int remainingQuantity, Instant issueStartsAt, Instant issueEndsAt) {

    static CouponView of(Coupon coupon) {
        return new CouponView(coupon.id(), coupon.name(), coupon.discountType(), coupon.discountValue(),
                coupon.totalQuantity(), coupon.issuedQuantity(), coupon.remainingQuantity(), coupon.issueStartsAt(),
                coupon.issueEndsAt());
    }
}
