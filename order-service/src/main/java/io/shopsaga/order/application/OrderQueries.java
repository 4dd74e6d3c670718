package io.shopsaga.order.application;

import io.shopsaga.order.domain.Order;
import io.shopsaga.order.domain.OrderRules;
import io.shopsaga.order.persistence.OrderRepository;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reads of orders. */
@Service
public class OrderQueries {

    private final OrderRepository orders;

    public OrderQueries(OrderRepository orders) {
        this.orders = orders;
    }

    public Order get(long orderId) {
        return orders.find(orderId).orElseThrow(() -> OrderRules.orderNotFound(orderId));
    }

    public Optional<Order> find(long orderId) {
        return orders.find(orderId);
    }

    public OrderPage ofUser(long userId, int page, int size) {
        return new OrderPage(orders.ofUser(userId, page, size), page, size, orders.countOfUser(userId));
    }
}
