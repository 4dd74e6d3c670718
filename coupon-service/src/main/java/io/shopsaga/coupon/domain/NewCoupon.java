package io.shopsaga.coupon.domain;

import java.time.Instant;

/**
 * The terms of a campaign an operator asks for, checked against the contract when made.
 *
 * @param issueStartsAt first instant a coupon may be issued; null for "now"
 * @param issueEndsAt the instant issuing stops (exclusive); null for "never"
 */
public record NewCoupon(String name, DiscountType discountType, long discountValue, int totalQuantity,
        Instant issueStartsAt, Instant issueEndsAt) {

    public NewCoupon {
        if (name == null || name.isBlank() || name.length() > CouponRules.MAX_NAME_LENGTH) {
            throw CouponRules.invalid("name must be 1-" + CouponRules.MAX_NAME_LENGTH + " characters");
        }
        if (discountType == null) {
            throw CouponRules.invalid("discountType must be AMOUNT or PERCENT");
        }
        if (discountValue < 1 || discountValue > discountType.maxValue()) {
            throw CouponRules.invalid(discountType == DiscountType.PERCENT
                    ? "discountValue must be between 1 and 100 for a PERCENT coupon"
                    : "discountValue must be at least 1 for an AMOUNT coupon");
        }
        if (totalQuantity < CouponRules.MIN_QUANTITY || totalQuantity > CouponRules.MAX_QUANTITY) {
            throw CouponRules.invalid("totalQuantity must be between " + CouponRules.MIN_QUANTITY + " and "
                    + CouponRules.MAX_QUANTITY);
        }
        if (issueStartsAt != null && issueEndsAt != null && !issueStartsAt.isBefore(issueEndsAt)) {
            throw CouponRules.invalid("issueEndsAt must be after issueStartsAt");
        }
    }
}
