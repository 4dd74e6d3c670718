package io.shopsaga.order.api;

import io.shopsaga.order.domain.Order;
import io.shopsaga.order.domain.OrderStatus;
import java.time.Instant;
import java.util.List;

/** An order as clients see it. {@code failureCode} is set only once the order has FAILED. */
public record OrderResponse(long orderId, long userId, String status, String failureCode, List<Item> items,
        long totalAmount, long discountAmount, long paidAmount, Instant createdAt, Instant completedAt) {

    /** One line of the order, at the price it was placed with. */
    public record Item(long productId, String name, long unitPrice, int quantity) {
    }

    static OrderResponse of(Order order) {
        return new OrderResponse(order.id(), order.userId(), order.status().name(),
                order.status() == OrderStatus.FAILED ? order.failureCode() : null,
                order.lines().stream().map(l -> new Item(l.productId(), l.name(), l.unitPrice(), l.quantity())).toList(),
                order.totalAmount(), order.discountAmount(), order.paidAmount(), order.createdAt(),
                order.completedAt());
    }
}
