package io.shopsaga.coupon.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shopsaga.coupon.application.CouponView;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A campaign: {@code {"id":7,"name":"...","discountType":"AMOUNT",...,"remainingQuantity":63}}. */
public record CouponResponse(long id, String name, String discountType, long discountValue, int totalQuantity,
        int issuedQuantity, int remainingQuantity,
        @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime issueStartsAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime issueEndsAt) {

    static CouponResponse of(CouponView view) {
        return new CouponResponse(view.id(), view.name(), view.discountType().name(), view.discountValue(),
                view.totalQuantity(), view.issuedQuantity(), view.remainingQuantity(),
                view.issueStartsAt() == null ? null : view.issueStartsAt().atOffset(ZoneOffset.UTC),
                view.issueEndsAt() == null ? null : view.issueEndsAt().atOffset(ZoneOffset.UTC));
    }
}
