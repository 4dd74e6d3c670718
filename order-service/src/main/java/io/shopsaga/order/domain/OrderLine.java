package io.shopsaga.order.domain;

/** One product of an order, at the name and unit price product-service gave when it was placed. */
public record OrderLine(long productId, String name, long unitPrice, int quantity) {

    public OrderLine {
        if (productId <= 0 || unitPrice < 0 || quantity < 1) {
            throw new IllegalArgumentException("Invalid order line: " + productId + " x" + quantity + " @" + unitPrice);
        }
    }

    public long amount() {
        return Math.multiplyExact(unitPrice, quantity);
    }
}
