package io.shopsaga.product.application;

/** What other services need of a product: its name and current price. */
public record ProductSummary(long id, String name, long price) {
}
