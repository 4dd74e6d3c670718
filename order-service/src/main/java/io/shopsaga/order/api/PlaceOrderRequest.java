package io.shopsaga.order.api;

import io.shopsaga.order.application.PlaceOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code {"userId":1,"items":[{"productId":3,"quantity":2}],"issuedCouponId":55}}; the coupon is optional. */
public record PlaceOrderRequest(
        @NotNull @Positive Long userId,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Item> items,
        @Positive Long issuedCouponId) {

    /** One product and how many (1..1000). */
    public record Item(@NotNull @Positive Long productId, @NotNull @Min(1) @Max(1000) Integer quantity) {
    }

    PlaceOrder toCommand() {
        return new PlaceOrder(userId, items.stream().map(i -> new PlaceOrder.Item(i.productId(), i.quantity())).toList(),
                issuedCouponId);
    }
}
