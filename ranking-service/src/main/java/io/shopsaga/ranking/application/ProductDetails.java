package io.shopsaga.ranking.application;

/** What a ranking shows of a product besides its count: its name and price. */
public record ProductDetails(long productId, String name, long price) {
}
