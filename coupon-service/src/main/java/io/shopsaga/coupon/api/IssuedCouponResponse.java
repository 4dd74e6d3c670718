package io.shopsaga.coupon.api;

import io.shopsaga.coupon.application.IssuedCouponView;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** {@code {"issuedCouponId":55,"couponId":7,"userId":1,"status":"AVAILABLE","issuedAt":"..."}} */
public record IssuedCouponResponse(long issuedCouponId, long couponId, long userId, String status,
        OffsetDateTime issuedAt) {

    static IssuedCouponResponse of(IssuedCouponView view) {
        return new IssuedCouponResponse(view.issuedCouponId(), view.couponId(), view.userId(), view.status().name(),
                view.issuedAt().atOffset(ZoneOffset.UTC));
    }
}
