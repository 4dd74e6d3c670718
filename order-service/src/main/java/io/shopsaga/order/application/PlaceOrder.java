package io.shopsaga.order.application;

import java.util.List;

/** A client's order: who, what, and optionally which issued coupon. */
public record PlaceOrder(long userId, List<Item> items, Long issuedCouponId) {

    public PlaceOrder {
        items = List.copyOf(items);
    }

    /** One product and how many. */
    public record Item(long productId, int quantity) {
    }
}
