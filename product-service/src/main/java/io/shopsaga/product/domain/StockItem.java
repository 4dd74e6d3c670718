package io.shopsaga.product.domain;

/** A quantity of one product, taken for or given back by an order. */
public record StockItem(long productId, int quantity) {

    public StockItem {
        if (productId <= 0) {
            throw new IllegalArgumentException("A product id must be positive: " + productId);
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("A quantity must be positive: " + quantity + " of product " + productId);
        }
    }
}
