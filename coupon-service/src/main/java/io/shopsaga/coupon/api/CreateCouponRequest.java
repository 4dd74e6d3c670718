package io.shopsaga.coupon.api;

import io.shopsaga.coupon.domain.CouponRules;
import io.shopsaga.coupon.domain.DiscountType;
import io.shopsaga.coupon.domain.NewCoupon;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * Body of a new campaign. Per-field bounds are checked here; the rules that join fields (PERCENT at most 100,
 * the window's order) by {@link NewCoupon}, with the same 400 naming the field.
 */
public record CreateCouponRequest(
        @NotBlank @Size(max = CouponRules.MAX_NAME_LENGTH) String name,
        @NotNull DiscountType discountType,
        @NotNull @Min(1) Long discountValue,
        @NotNull @Min(CouponRules.MIN_QUANTITY) @Max(CouponRules.MAX_QUANTITY) Integer totalQuantity,
        OffsetDateTime issueStartsAt,
        OffsetDateTime issueEndsAt) {

    NewCoupon toNewCoupon() {
        return new NewCoupon(name, discountType, discountValue, totalQuantity,
                issueStartsAt == null ? null : issueStartsAt.toInstant(),
                issueEndsAt == null ? null : issueEndsAt.toInstant());
    }
}
