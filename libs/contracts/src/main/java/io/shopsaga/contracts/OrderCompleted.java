package io.shopsaga.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published on {@link Topics#ORDER_EVENTS} once an order's saga has completed: stock reserved, coupon used
 * (if any) and balance deducted. Consumers (ranking-service, data-platform-consumer) de-duplicate by
 * {@link #orderId()}: it may be delivered more than once.
 *
 * @param occurredAt when the order completed
 * @param items what was sold, one line per product
 * @param totalAmount sum of unit price × quantity, in KRW
 * @param discountAmount the coupon's discount, 0 without one
 * @param paidAmount what the balance paid: total minus discount, never below 0
 */
public record OrderCompleted(UUID messageId, long orderId, Instant occurredAt, long userId, List<Line> items,
        long totalAmount, long discountAmount, long paidAmount, Long issuedCouponId) implements SagaMessage {

    public OrderCompleted {
        items = List.copyOf(items);
    }

    /** One product of a completed order. */
    public record Line(long productId, String name, long unitPrice, int quantity) {
    }
}
