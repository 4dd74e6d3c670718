package io.shopsaga.coupon.api;

import io.shopsaga.coupon.application.UserCouponView;

/** One coupon a user holds: {@code {"issuedCouponId":55,"couponId":7,"name":"...",...,"status":"AVAILABLE"}}. */
public record UserCouponResponse(long issuedCouponId, long couponId, String name, String discountType,
        long discountValue, String status) {

    static UserCouponResponse of(UserCouponView view) {
        return new UserCouponResponse(view.issuedCouponId(), view.couponId(), view.name(), view.discountType().name(),
                view.discountValue(), view.status().name());
    }
}
