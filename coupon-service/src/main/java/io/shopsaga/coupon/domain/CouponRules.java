package io.shopsaga.coupon.domain;

import io.shopsaga.defaults.error.BusinessException;
import io.shopsaga.defaults.error.BusinessException.Kind;

/** The limits of the contract and the refusals of coupon-service, with their stable codes. */
public final class CouponRules {

    public static final int MIN_QUANTITY = 1;
    public static final int MAX_QUANTITY = 1_000_000;
    public static final int MAX_NAME_LENGTH = 100;

    public static final String COUPON_NOT_FOUND = "COUPON_NOT_FOUND";
    public static final String COUPON_SOLD_OUT = "COUPON_SOLD_OUT";
    public static final String COUPON_ALREADY_ISSUED = "COUPON_ALREADY_ISSUED";
    public static final String COUPON_NOT_OPEN = "COUPON_NOT_OPEN";
    public static final String COUPON_UNAVAILABLE = "COUPON_UNAVAILABLE";

    private CouponRules() {
    }

    public static BusinessException invalid(String detail) {
        return new BusinessException("INVALID_REQUEST", Kind.INVALID, detail);
    }

    public static BusinessException notFound(long couponId) {
        return new BusinessException(COUPON_NOT_FOUND, Kind.NOT_FOUND, "coupon " + couponId + " does not exist");
    }

    public static BusinessException soldOut(long couponId) {
        return new BusinessException(COUPON_SOLD_OUT, Kind.CONFLICT, "coupon " + couponId + " is sold out");
    }

    public static BusinessException alreadyIssued(long couponId, long userId) {
        return new BusinessException(COUPON_ALREADY_ISSUED, Kind.CONFLICT,
                "user " + userId + " already holds coupon " + couponId);
    }

    public static BusinessException notOpen(long couponId) {
        return new BusinessException(COUPON_NOT_OPEN, Kind.CONFLICT,
                "coupon " + couponId + " is not being issued at this time");
    }
}
