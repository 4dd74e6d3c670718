package io.shopsaga.dataplatform.domain;

import java.time.Instant;
import java.util.List;

/**
 * A completed order as this service keeps it for the data platform.
 *
 * @param completedAt when the order completed
 * @param totalAmount sum of unit price × quantity, in KRW
 * @param discountAmount the coupon's discount, 0 without one
 * @param paidAmount what the balance paid
 * @param issuedCouponId the coupon used, or {@code null}
 */
public record CompletedOrder(long orderId, long userId, Instant completedAt, List<Line> items, long totalAmount,
        long discountAmount, long paidAmount, Long issuedCouponId) {

    public CompletedOrder {
        if (orderId <= 0) {
            throw new IllegalArgumentException("An order id is positive: " + orderId);
        }
        items = List.copyOf(items);
    }

    /** One product of the order. */
    public record Line(long productId, String name, long unitPrice, int quantity) {
    }
}
